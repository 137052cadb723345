package io.marquee.server.predict;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.tabular.TabularModel;
import io.marquee.registry.requests.RequestIds;
import io.marquee.registry.serving.Served;
import io.marquee.server.http.HttpException;
import io.marquee.server.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST /api/v1/{endpoint}/predict} (one row or a list, JSON) and {@code POST /api/v1/batch-predict}
 * (a CSV file in, the same CSV with {@code probability}, {@code label} and {@code status} out).
 */
public final class PredictController {
    private final TabularService service;
    private final long maxUploadBytes;

    /**
     * @param maxUploadBytes largest batch upload accepted; larger ones are refused with 413
     */
    public PredictController(TabularService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void predict(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new InvalidInputException("request body is missing: expected a JSON object (one row) or a list of rows");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new InvalidInputException("request body is not valid JSON: " + e.getMessage(), e);
        }
        ctx.json(service.predict(ctx.pathParam("endpoint"), ctx.queryParam("status"), ctx.queryParam("version"), body));
    }

    /**
     * A CSV upload scored as it streams. Either {@code multipart/form-data} with a {@code file} part and an
     * {@code endpoint} field (seed 001's form; Jetty keeps the part on disk, not in memory), or the CSV
     * itself as the body ({@code Content-Type: text/csv}) with {@code ?endpoint=NAME}, read straight
     * from the connection. {@code status} and {@code version} select the model as for single predictions.
     * The response is {@code text/csv}, written row batch by row batch; its {@code X-Request-Id} header
     * is the request id of the batch in the request log.
     */
    public void batch(Context ctx) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length > maxUploadBytes) {
            throw tooLarge(length);
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        UploadedFile file = null;
        String name;
        String endpoint;
        String status;
        String version;
        if (type.startsWith("multipart/form-data")) {
            file = upload(ctx);
            if (file == null) {
                throw InvalidInputException.of("file", null, "a CSV file part named 'file'");
            }
            endpoint = first(ctx.formParam("endpoint"), ctx.queryParam("endpoint"));
            status = first(ctx.formParam("status"), ctx.queryParam("status"));
            version = first(ctx.formParam("version"), ctx.queryParam("version"));
            name = file.filename() == null || file.filename().isBlank() ? "upload.csv" : file.filename();
        } else if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
            if (length < 0) {
                throw new HttpException(411, "length-required", "a text/csv body needs a Content-Length (the upload"
                        + " limit is checked before scoring starts); send multipart/form-data to upload without one");
            }
            endpoint = ctx.queryParam("endpoint");
            status = ctx.queryParam("status");
            version = ctx.queryParam("version");
            name = "request body";
        } else {
            throw InvalidInputException.of("Content-Type", "'" + ctx.contentType() + "'",
                    "multipart/form-data (fields endpoint and file) or text/csv");
        }
        Served<TabularModel> model = service.model(endpoint, status, version);
        InputStream in = file != null ? file.content() : ctx.req().getInputStream();
        UUID id = RequestIds.next();
        ctx.status(200).contentType("text/csv; charset=utf-8").header("X-Request-Id", id.toString());
        try (InputStream source = in) {
            OutputStream out = ctx.outputStream();
            service.batch(model, id, source, name, out);
            out.flush();
        }
    }

    private HttpException tooLarge(long length) {
        return new HttpException(413, "payload-too-large", "upload of " + length + " bytes exceeds the limit of "
                + maxUploadBytes + " bytes; split the file");
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /**
     * The {@code file} part. Jetty parses the multipart body (parts beyond 64 KB go to a temporary
     * file) and enforces the upload limit while reading, also for a body sent without a length.
     */
    private UploadedFile upload(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) { // Jetty throws ServletException (checked, through Kotlin) or runtime ones
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = t.getMessage() == null ? "" : t.getMessage();
                if (t instanceof IllegalStateException && m.contains("max") && m.contains("exceeded")) {
                    throw new HttpException(413, "payload-too-large", "upload exceeds the limit of " + maxUploadBytes
                            + " bytes; split the file");
                }
            }
            throw new InvalidInputException("malformed multipart/form-data body: " + e.getMessage(), e);
        }
    }
}
