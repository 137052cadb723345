package io.marquee.core.error;

/** The database could not be opened, migrated, read or written. */
public class StorageException extends MarqueeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
