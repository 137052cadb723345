package io.marquee.core.error;

/** A referenced entity (user, film, model, file) does not exist. */
public class NotFoundException extends MarqueeException {
    public NotFoundException(String message) {
        super(message);
    }
}
