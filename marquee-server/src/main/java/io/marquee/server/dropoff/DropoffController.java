package io.marquee.server.dropoff;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.marquee.core.error.InvalidInputException;
import io.marquee.server.dropoff.DropoffDtos.DropoffRequest;
import io.marquee.server.http.Inputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/dropoff/predict}. */
public final class DropoffController {
    private final DropoffService service;

    public DropoffController(DropoffService service) {
        this.service = service;
    }

    public void predict(Context ctx) {
        DropoffRequest b = Inputs.body(ctx, DropoffRequest.class, false);
        List<Long> films = new ArrayList<>();
        if (b.movieId() != null) {
            films.add(b.movieId());
        }
        if (b.movieIds() != null) {
            films.addAll(b.movieIds());
        }
        ctx.json(service.predict(b.userId(), answers(b.survey()), films, b.device(), b.at()));
    }

    /** Survey answers as text: strings, numbers and booleans as written, a list of choices joined by {@code |}. */
    static Map<String, String> answers(Map<String, JsonNode> survey) {
        if (survey == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : survey.entrySet()) {
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw InvalidInputException.of("survey." + e.getKey(), v.toString(), "a list of choice ids");
                    }
                    parts.add(item.asText());
                }
                out.put(e.getKey(), String.join("|", parts));
            } else if (v.isValueNode()) {
                out.put(e.getKey(), v.asText());
            } else {
                throw InvalidInputException.of("survey." + e.getKey(), v.toString(), "a value or a list of choice ids");
            }
        }
        return out;
    }
}
