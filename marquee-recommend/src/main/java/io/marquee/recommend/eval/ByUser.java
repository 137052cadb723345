package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;

/**
 * The positions of a data set's entries grouped by user: {@code positions[start[u] .. start[u+1])}
 * are user {@code u}'s entries, in data order. A counting sort, O(entries + users).
 */
final class ByUser {
    final int[] start;
    final int[] positions;

    private ByUser(int[] start, int[] positions) {
        this.start = start;
        this.positions = positions;
    }

    static ByUser of(Interactions data) {
        int users = data.users().size();
        int[] user = data.userArray();
        int[] start = new int[users + 1];
        for (int u : user) {
            start[u + 1]++;
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        int[] next = start.clone();
        int[] positions = new int[user.length];
        for (int k = 0; k < user.length; k++) {
            positions[next[user[k]]++] = k;
        }
        return new ByUser(start, positions);
    }

    int users() {
        return start.length - 1;
    }

    int count(int u) {
        return start[u + 1] - start[u];
    }
}
