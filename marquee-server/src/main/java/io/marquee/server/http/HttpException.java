package io.marquee.server.http;

/** An error with an explicit HTTP status, for conditions no domain exception describes (auth). */
public class HttpException extends RuntimeException {
    private final int status;
    private final String type;

    public HttpException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
