package io.marquee.recommend.eval;

import io.marquee.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses metric ids as the command line writes them, e.g.
 * {@code rmse, mae, ndcg@10, recall@10, precision@5, map@10, mrr, hit@10, coverage@10, novelty@10, ild@10}.
 * Names are case-insensitive; {@code hitrate}/{@code hr} mean {@code hit}, {@code diversity} means
 * {@code ild}. Every metric except {@code rmse}, {@code mae} and {@code mrr} needs a cutoff
 * {@code @K} with K ≥ 1; {@code mrr@K} cuts MRR at K.
 */
public final class Metrics {
    /** The accepted forms, for help texts and error messages. */
    public static final String SYNTAX = "rmse, mae, precision@K, recall@K, ndcg@K, map@K, mrr, mrr@K, hit@K,"
            + " coverage@K, novelty@K, ild@K";

    /** The ids a CLI may offer by default. */
    public static final String DEFAULT = "rmse,mae,precision@10,recall@10,ndcg@10,map@10,mrr,hit@10,coverage@10,"
            + "novelty@10,ild@10";

    private Metrics() {
    }

    /** Metrics from a comma- or space-separated list of ids, in the order given. */
    public static List<Metric> parse(String ids) {
        if (ids == null || ids.isBlank()) {
            throw new InvalidInputException("metrics must name at least one of " + SYNTAX + ", was empty");
        }
        List<String> parts = new ArrayList<>();
        for (String p : ids.split("[,\\s]+")) {
            if (!p.isBlank()) {
                parts.add(p);
            }
        }
        return parse(parts);
    }

    /** Metrics from a list of ids, in the order given; an id listed twice is refused. */
    public static List<Metric> parse(List<String> ids) {
        List<Metric> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            Metric m = parseOne(id);
            if (!seen.add(m.id())) {
                throw new InvalidInputException("metric '" + id + "' is listed twice (as " + m.id() + ")");
            }
            out.add(m);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("metrics must name at least one of " + SYNTAX + ", was empty");
        }
        return List.copyOf(out);
    }

    /** One metric from its id. */
    public static Metric parseOne(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        String name = at < 0 ? s : s.substring(0, at);
        Integer k = null;
        if (at >= 0) {
            String kText = s.substring(at + 1);
            try {
                k = Integer.parseInt(kText);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("metric '" + id + "': cutoff must be a whole number >= 1, was '"
                        + kText + "'");
            }
            if (k < 1) {
                throw new InvalidInputException("metric '" + id + "': cutoff must be a whole number >= 1, was " + k);
            }
        }
        switch (name) {
            case "rmse", "mae" -> {
                if (k != null) {
                    throw new InvalidInputException("metric '" + id + "': " + name + " takes no cutoff");
                }
                return name.equals("rmse") ? new RatingMetrics.Rmse() : new RatingMetrics.Mae();
            }
            case "mrr" -> {
                return new RankingMetrics.ReciprocalRank(k == null ? 0 : k);
            }
            default -> {
                // all others need a cutoff
            }
        }
        String canonical = switch (name) {
            case "precision", "prec", "p" -> "precision";
            case "recall", "r" -> "recall";
            case "ndcg" -> "ndcg";
            case "map" -> "map";
            case "hit", "hitrate", "hr" -> "hit";
            case "coverage", "cov" -> "coverage";
            case "novelty" -> "novelty";
            case "ild", "diversity" -> "ild";
            default -> throw new InvalidInputException("metric '" + id + "' is unknown; known: " + SYNTAX);
        };
        if (k == null) {
            throw new InvalidInputException("metric '" + id + "' needs a cutoff, e.g. " + canonical + "@10");
        }
        return switch (canonical) {
            case "precision" -> new RankingMetrics.Precision(k);
            case "recall" -> new RankingMetrics.Recall(k);
            case "ndcg" -> new RankingMetrics.Ndcg(k);
            case "map" -> new RankingMetrics.AveragePrecision(k);
            case "hit" -> new RankingMetrics.HitRate(k);
            case "coverage" -> new ListMetrics.Coverage(k);
            case "novelty" -> new ListMetrics.Novelty(k);
            default -> new ListMetrics.IntraListDiversity(k);
        };
    }
}
