package io.marquee.server.http;

/**
 * The body of every error response (RFC 9457 shape).
 *
 * @param title  short name of the status ("Bad Request")
 * @param status HTTP status
 * @param type   a URI naming the error class ({@code urn:marquee:error:invalid-input} …)
 * @param detail what went wrong, naming the field and the value seen when there is one
 */
public record ApiError(String title, int status, String type, String detail) {
}
