package io.marquee.predict.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch prediction did.
 *
 * @param rows        data rows read
 * @param predicted   rows that got a probability
 * @param failed      rows reported as errors in the status column
 * @param firstErrors up to ten error messages, each naming its line
 * @param seconds     wall time
 */
public record PredictionSummary(long rows, long predicted, long failed, List<String> firstErrors, double seconds) {
    public PredictionSummary {
        firstErrors = List.copyOf(firstErrors);
    }

    /** Rows per second. */
    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : Double.NaN;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("predicted", predicted);
        m.put("failed", failed);
        m.put("first_errors", firstErrors);
        m.put("seconds", seconds);
        return m;
    }
}
