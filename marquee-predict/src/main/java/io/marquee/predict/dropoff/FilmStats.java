package io.marquee.predict.dropoff;

import java.util.Arrays;

/**
 * Per-film statistics accumulated in time order from clean watch events and ratings: views,
 * completions, ratings' sum and count, views per genre, and two <em>audience profiles</em> — for
 * each film, the sum over its earlier viewers of their favourite-genre flags (from the survey) and
 * of their genre viewing shares (from their history at the time). An audience profile says which
 * tastes a film attracts beyond its nominal genres, since viewers choose films that suit them;
 * it uses viewers' choices and answers, never outcomes. Read as smoothed features by
 * {@link DropoffFeatures}. Mutable while a data set is replayed; {@link #stop()} freezes it at the
 * start of the test period, and a {@link #freeze() frozen copy} is what a trained model keeps.
 */
final class FilmStats {
    final int genres;
    final double[] views;
    final double[] completions;
    final double[] ratingSum;
    final double[] ratingCount;
    /** Per film × genre: Σ of viewers' favourite flags. */
    final float[] audienceFav;
    /** Per film × genre: Σ of viewers' genre viewing shares; per film the number of viewers with a history. */
    final float[] audienceHist;
    final double[] audienceHistCount;
    /** Per genre: views of films of that genre; Σ favourite flags and Σ viewing shares over all views. */
    final double[] genreViews;
    final double[] globalFav;
    final double[] globalHist;
    /** Per film genre h × viewer genre g: Σ favourite flags g, and Σ viewing shares g, over views of films of genre h. */
    final double[] pairFav;
    final double[] pairHist;
    double totalViews;
    double globalHistCount;
    private boolean frozen;

    FilmStats(int films, int genres) {
        this.genres = genres;
        views = new double[films];
        completions = new double[films];
        ratingSum = new double[films];
        ratingCount = new double[films];
        audienceFav = new float[films * genres];
        audienceHist = new float[films * genres];
        audienceHistCount = new double[films];
        genreViews = new double[genres];
        globalFav = new double[genres];
        globalHist = new double[genres];
        pairFav = new double[genres * genres];
        pairHist = new double[genres * genres];
    }

    /** A frozen copy of the arrays (takes ownership). */
    FilmStats(int genres, double[] views, double[] completions, double[] ratingSum, double[] ratingCount,
              float[] audienceFav, float[] audienceHist, double[] audienceHistCount, double[] genreViews,
              double[] globalFav, double[] globalHist, double[] pairFav, double[] pairHist, double totalViews,
              double globalHistCount) {
        this.genres = genres;
        this.views = views;
        this.completions = completions;
        this.ratingSum = ratingSum;
        this.ratingCount = ratingCount;
        this.audienceFav = audienceFav;
        this.audienceHist = audienceHist;
        this.audienceHistCount = audienceHistCount;
        this.genreViews = genreViews;
        this.globalFav = globalFav;
        this.globalHist = globalHist;
        this.pairFav = pairFav;
        this.pairHist = pairHist;
        this.totalViews = totalViews;
        this.globalHistCount = globalHistCount;
        this.frozen = true;
    }

    int films() {
        return views.length;
    }

    /**
     * Adds a clean view of {@code film} by a viewer with favourite genres {@code sp} and genre
     * viewing shares {@code share} (null when the viewer had no history yet).
     */
    void view(int film, int[] filmGenres, boolean completed, SurveyProfile sp, double[] share) {
        if (frozen) {
            return;
        }
        for (int g : filmGenres) {
            if (g < genres) {
                genreViews[g]++;
            }
        }
        views[film]++;
        completions[film] += completed ? 1 : 0;
        totalViews++;
        int base = film * genres;
        for (int g = 0; g < genres; g++) {
            if (sp.favourite(g)) {
                audienceFav[base + g]++;
                globalFav[g]++;
                for (int h : filmGenres) {
                    if (h < genres) {
                        pairFav[h * genres + g]++;
                    }
                }
            }
        }
        if (share != null) {
            for (int g = 0; g < genres; g++) {
                audienceHist[base + g] += (float) share[g];
                globalHist[g] += share[g];
                for (int h : filmGenres) {
                    if (h < genres) {
                        pairHist[h * genres + g] += share[g];
                    }
                }
            }
            audienceHistCount[film]++;
            globalHistCount++;
        }
    }

    void rating(int film, double value) {
        if (frozen) {
            return;
        }
        ratingSum[film] += value;
        ratingCount[film]++;
    }

    /** Stops further updates (test period: the statistics stay as they were at the cut). */
    void stop() {
        frozen = true;
    }

    /** An immutable copy. */
    FilmStats freeze() {
        return new FilmStats(genres, views.clone(), completions.clone(), ratingSum.clone(), ratingCount.clone(),
                audienceFav.clone(), audienceHist.clone(), audienceHistCount.clone(), genreViews.clone(),
                globalFav.clone(), globalHist.clone(), pairFav.clone(), pairHist.clone(), totalViews, globalHistCount);
    }

    /** log((views + 1) / (total views + films)): a stationary popularity share. */
    double popularity(int film) {
        double v = film < 0 ? 0 : views[film];
        return Math.log((v + 1) / (totalViews + views.length));
    }

    /** (completions + α·prior) / (views + α). */
    double completion(int film, double prior, double alpha) {
        if (film < 0) {
            return prior;
        }
        return (completions[film] + alpha * prior) / (views[film] + alpha);
    }

    /** (rating sum + α·prior) / (ratings + α). */
    double rating(int film, double prior, double alpha) {
        if (film < 0) {
            return prior;
        }
        return (ratingSum[film] + alpha * prior) / (ratingCount[film] + alpha);
    }

    /** Share of all views that went to films of genre g (1/18 before any view). */
    double genreShare(int g) {
        if (totalViews == 0 || g >= genres) {
            return 1.0 / 18;
        }
        return genreViews[g] / totalViews;
    }

    /**
     * Mean over the viewer's favourite genres of log(share of the film's viewers naming that genre
     * / share of all views by viewers naming it), the shares smoothed with α: how much more than
     * usual the film's audience shares the viewer's favourites. 0 without favourites or views.
     */
    double audienceFavLift(int film, SurveyProfile sp, double alpha) {
        if (film < 0 || totalViews == 0 || sp.favouriteCount() == 0) {
            return 0;
        }
        double sum = 0;
        int n = 0;
        int base = film * genres;
        for (int g = 0; g < genres; g++) {
            if (sp.favourite(g)) {
                double global = (globalFav[g] + 1) / (totalViews + 2);
                double local = (audienceFav[base + g] + alpha * global) / (views[film] + alpha);
                sum += Math.log(local / global);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Σ over genres of the viewer's viewing share × log(the film audience's mean share / the mean
     * share over all views), smoothed with α: how well the viewer's history fits the histories of
     * the film's audience. 0 without history or views.
     */
    double audienceHistLift(int film, double[] share, double alpha) {
        if (film < 0 || share == null || globalHistCount == 0) {
            return 0;
        }
        double sum = 0;
        int base = film * genres;
        for (int g = 0; g < genres; g++) {
            if (share[g] == 0) {
                continue;
            }
            double global = (globalHist[g] + 1e-3) / (globalHistCount + 1e-3 * genres);
            double local = (audienceHist[base + g] + alpha * global) / (audienceHistCount[film] + alpha);
            sum += share[g] * Math.log(local / global);
        }
        return sum;
    }

    /**
     * Genre-level taste affinity from the survey: mean over the viewer's favourite genres g and the
     * film's genres h of log(share of views of genre-h films by viewers naming g / share of all
     * views by viewers naming g). Pools all films of a genre, so it is steadier than
     * {@link #audienceFavLift} and catches related genres (a crime fan and thrillers).
     */
    double genreFavAffinity(int[] filmGenres, SurveyProfile sp) {
        if (totalViews == 0 || sp.favouriteCount() == 0 || filmGenres.length == 0) {
            return 0;
        }
        double sum = 0;
        int n = 0;
        for (int g = 0; g < genres; g++) {
            if (!sp.favourite(g)) {
                continue;
            }
            double global = (globalFav[g] + 1) / (totalViews + 2);
            for (int h : filmGenres) {
                if (h < genres) {
                    double local = (pairFav[h * genres + g] + 10 * global) / (genreViews[h] + 10);
                    sum += Math.log(local / global);
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Genre-level taste affinity from history: Σ over genres g of the viewer's viewing share ×
     * mean over the film's genres h of log(mean share of g among viewers of genre-h films / mean
     * share of g over all views).
     */
    double genreHistAffinity(int[] filmGenres, double[] share) {
        if (share == null || globalHistCount == 0 || filmGenres.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int g = 0; g < genres; g++) {
            if (share[g] == 0) {
                continue;
            }
            double global = (globalHist[g] + 1e-3) / (globalHistCount + 1e-3 * genres);
            double inner = 0;
            int n = 0;
            for (int h : filmGenres) {
                if (h < genres) {
                    // views of genre-h films with a history ≈ genreViews[h] · globalHistCount / totalViews
                    double denom = genreViews[h] * globalHistCount / Math.max(1, totalViews);
                    double local = (pairHist[h * genres + g] + 10 * global) / (denom + 10);
                    inner += Math.log(local / global);
                    n++;
                }
            }
            sum += share[g] * (n == 0 ? 0 : inner / n);
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilmStats f && Arrays.equals(f.views, views) && Arrays.equals(f.completions, completions)
                && Arrays.equals(f.ratingSum, ratingSum) && Arrays.equals(f.ratingCount, ratingCount)
                && Arrays.equals(f.audienceFav, audienceFav) && Arrays.equals(f.audienceHist, audienceHist)
                && f.totalViews == totalViews;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(views);
    }
}
