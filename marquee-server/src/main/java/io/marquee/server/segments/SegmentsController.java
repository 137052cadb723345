package io.marquee.server.segments;

import io.javalin.http.Context;
import io.marquee.server.http.Inputs;

/** {@code GET /api/v1/segments} and {@code GET /api/v1/segments/{userId}}. */
public final class SegmentsController {
    private final SegmentService service;

    public SegmentsController(SegmentService service) {
        this.service = service;
    }

    public void list(Context ctx) {
        ctx.json(service.segments());
    }

    public void ofViewer(Context ctx) {
        ctx.json(service.segmentOf(Inputs.pathLong(ctx, "userId")));
    }
}
