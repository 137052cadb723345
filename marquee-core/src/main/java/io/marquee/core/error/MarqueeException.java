package io.marquee.core.error;

/**
 * Root of Marquee's unchecked domain exceptions. Messages name the field or id and the value seen,
 * so that the CLI can print them as one line and the server can put them in an error body.
 */
public class MarqueeException extends RuntimeException {
    public MarqueeException(String message) {
        super(message);
    }

    public MarqueeException(String message, Throwable cause) {
        super(message, cause);
    }
}
