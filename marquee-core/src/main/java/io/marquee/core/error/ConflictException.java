package io.marquee.core.error;

/** The request contradicts the current state, for example importing data that is already there. */
public class ConflictException extends MarqueeException {
    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
