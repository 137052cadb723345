package io.marquee.core.error;

/** An argument, parameter or request field had a value that is not allowed. */
public class InvalidInputException extends MarqueeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Convenience for the usual "field must be …, was …" message. */
    public static InvalidInputException of(String field, Object value, String requirement) {
        return new InvalidInputException(field + " must be " + requirement + ", was " + value);
    }
}
