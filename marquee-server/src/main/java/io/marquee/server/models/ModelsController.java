package io.marquee.server.models;

import io.javalin.http.Context;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.Stage;
import io.marquee.server.auth.Auth;
import io.marquee.server.http.Inputs;
import java.time.Instant;

/** Registry routes: endpoints, versions, stages, aliases, rollback, deletion, history. */
public final class ModelsController {
    private final ModelRegistry registry;

    public ModelsController(ModelRegistry registry) {
        this.registry = registry;
    }

    public record StageRequest(String stage, String reason) {
    }

    public record AliasRequest(Long versionId, String reason) {
    }

    public record ReasonRequest(String reason) {
    }

    public void endpoints(Context ctx) {
        ctx.json(registry.endpoints());
    }

    public void versions(Context ctx) {
        String stage = ctx.queryParam("stage");
        String endpoint = ctx.queryParam("endpoint");
        ctx.json(registry.versions(endpoint == null || endpoint.isBlank() ? null : endpoint,
                stage == null || stage.isBlank() ? null : Stage.parse(stage)));
    }

    public void version(Context ctx) {
        ctx.json(registry.version(Inputs.pathLong(ctx, "id")));
    }

    public void stage(Context ctx) {
        StageRequest b = Inputs.body(ctx, StageRequest.class, false);
        Stage to = Stage.parse(Inputs.require("stage", b.stage()));
        ctx.json(registry.transition(Inputs.pathLong(ctx, "id"), to, Auth.actor(ctx), b.reason()));
    }

    public void alias(Context ctx) {
        AliasRequest b = Inputs.body(ctx, AliasRequest.class, false);
        ctx.json(registry.setAlias(ctx.pathParam("name"), ctx.pathParam("alias"),
                Inputs.require("version_id", b.versionId()), Auth.actor(ctx), b.reason()));
    }

    public void rollback(Context ctx) {
        ReasonRequest b = Inputs.body(ctx, ReasonRequest.class, true);
        ctx.json(registry.rollback(ctx.pathParam("name"), Auth.actor(ctx), b == null ? null : b.reason()));
    }

    public void delete(Context ctx) {
        ctx.json(registry.delete(Inputs.pathLong(ctx, "id"), Auth.actor(ctx), ctx.queryParam("reason")));
    }

    /** With {@code at}: the state then (production, stages, aliases); without: the full history. */
    public void history(Context ctx) {
        Instant at = Inputs.queryInstant(ctx, "at");
        String name = ctx.pathParam("name");
        if (at != null) {
            ctx.json(registry.stateAt(name, at));
        } else {
            ctx.json(registry.history(name));
        }
    }
}
