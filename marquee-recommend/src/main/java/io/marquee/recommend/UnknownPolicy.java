package io.marquee.recommend;

/**
 * What to do with a user or item id the model never saw. Never a silent zero.
 */
public enum UnknownPolicy {
    /** Refuse: a {@link io.marquee.core.error.NotFoundException} naming the id. */
    REJECT,
    /**
     * Answer without personalisation: recommendations from popularity, rating predictions from
     * the global mean plus whatever bias is known.
     */
    FALLBACK
}
