package io.marquee.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.marquee.core.error.ConflictException;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.registry.serving.ModelUnavailableException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps exceptions to {@link ApiError} bodies; unexpected ones become a 500 that leaks nothing. */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    /** Request attribute set once an error body has been written. */
    public static final String HANDLED = "marquee.error";

    private ErrorMapper() {
    }

    /** The error body for an exception. */
    public static ApiError toError(Exception e) {
        if (e instanceof HttpException h) {
            return error(h.status(), h.type(), h.getMessage());
        }
        if (e instanceof InvalidInputException || e instanceof DataFormatException) {
            return error(400, "invalid-input", e.getMessage());
        }
        if (e instanceof JsonProcessingException j) {
            return error(400, "invalid-input", jsonDetail(j));
        }
        if (e instanceof NotFoundException) {
            return error(404, "not-found", e.getMessage());
        }
        if (e instanceof ConflictException) {
            return error(409, "conflict", e.getMessage());
        }
        if (e instanceof ModelUnavailableException) {
            return error(503, "model-unavailable", e.getMessage());
        }
        if (e instanceof HttpResponseException h) {
            return error(h.getStatus(), "http", h.getMessage());
        }
        return error(500, "internal", "internal server error; the server log has the details");
    }

    /** Writes the error to the response (and logs unexpected ones with their stack trace). */
    public static void handle(Exception e, Context ctx) {
        ApiError body = toError(e);
        if (body.status() >= 500 && !(e instanceof ModelUnavailableException)) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        }
        if (body.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"marquee\"");
        }
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(body.status()).json(body);
    }

    public static ApiError error(int status, String type, String detail) {
        return new ApiError(title(status), status, "urn:marquee:error:" + type, detail);
    }

    static String jsonDetail(JsonProcessingException j) {
        String field = j instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        String msg = j.getOriginalMessage();
        int cut = msg == null ? -1 : msg.indexOf(" (class ");
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        return field == null ? "request body is not valid JSON: " + msg
                : "request body field '" + field + "' is invalid: " + msg;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 503 -> "Service Unavailable";
            case 500 -> "Internal Server Error";
            default -> "HTTP " + status;
        };
    }
}
