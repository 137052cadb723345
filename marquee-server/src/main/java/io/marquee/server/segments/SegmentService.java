package io.marquee.server.segments;

import io.marquee.core.data.Dataset;
import io.marquee.registry.serving.ModelLoader;
import io.marquee.registry.serving.ModelServer;
import io.marquee.registry.serving.Served;
import io.marquee.segment.SegmentAssignment;
import io.marquee.segment.SegmentModel;
import io.marquee.segment.features.ViewerFeatures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves the production model of the {@code segments} endpoint: the segments with their profiles,
 * and the segment of one viewer (computed from the viewer's data loaded at start-up, through an
 * index of every viewer's events built once here, so a request costs O(that viewer's events)).
 */
public final class SegmentService {
    /** The registry endpoint whose production version is served. */
    public static final String ENDPOINT = "segments";
    /** Loads a segmentation model from a verified artifact. */
    public static final ModelLoader<SegmentModel> LOADER = contents -> SegmentModel.load(contents.dir());

    private final ModelServer<SegmentModel> server;
    private final ViewerFeatures.Index viewers;

    public SegmentService(ModelServer<SegmentModel> server, Dataset data) {
        this.server = server;
        this.viewers = ViewerFeatures.index(data);
    }

    /** Every segment with its profile; 503 when no segmentation model is in production. */
    public Map<String, Object> segments() {
        Served<SegmentModel> served = server.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model_id", served.version().id());
        out.put("model_version", served.version().version());
        out.putAll(served.model().toMap());
        return out;
    }

    /** The segment of a viewer; 404 for a viewer not in the data. */
    public Map<String, Object> segmentOf(long userId) {
        Served<SegmentModel> served = server.current();
        SegmentAssignment a = served.model().assignViewer(viewers, userId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", a.userId());
        out.put("segment", a.segment());
        out.put("name", a.name());
        out.put("probability", a.probability());
        out.put("model_id", served.version().id());
        out.put("model_version", served.version().version());
        return out;
    }
}
