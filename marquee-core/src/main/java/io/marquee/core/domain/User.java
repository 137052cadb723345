package io.marquee.core.domain;

/**
 * A viewer. Every demographic field may be unknown ({@code null}): MovieLens latest has no
 * demographics at all, and real data has gaps.
 *
 * @param id         the service's own id for the viewer
 * @param age        age in years, or {@code null}
 * @param gender     free text as given by the source (MovieLens uses M/F), or {@code null}
 * @param occupation free text, or {@code null}
 * @param region     region or postal-code prefix, or {@code null}
 */
public record User(long id, Integer age, String gender, String occupation, String region) {
    /** A viewer known only by id. */
    public static User idOnly(long id) {
        return new User(id, null, null, null, null);
    }
}
