package io.marquee.predict.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bin of a reliability diagram.
 *
 * @param lower         the bin's lower edge
 * @param upper         the bin's upper edge
 * @param count         predictions in the bin
 * @param meanPredicted mean predicted probability in the bin (NaN when empty)
 * @param observedRate  share of positives in the bin (NaN when empty)
 */
public record ReliabilityBin(double lower, double upper, long count, double meanPredicted, double observedRate) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", lower);
        m.put("upper", upper);
        m.put("count", count);
        m.put("mean_predicted", Double.isNaN(meanPredicted) ? null : meanPredicted);
        m.put("observed_rate", Double.isNaN(observedRate) ? null : observedRate);
        return m;
    }
}
