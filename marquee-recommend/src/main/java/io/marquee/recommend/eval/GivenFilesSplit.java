package io.marquee.recommend.eval;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.error.StorageException;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Train/test pairs given as files in MovieLens 100K's {@code u.data} format — one rating a line,
 * {@code user<TAB>item<TAB>rating<TAB>timestamp} (the timestamp may be left off; it is then 0) —
 * such as the official {@code u1.base}/{@code u1.test} … {@code u5.base}/{@code u5.test}. One fold
 * per pair. User and item ids are mapped through the data's indexes; an id the data does not know
 * is a {@link DataFormatException} naming {@code file:line}. Blank lines are skipped (but counted).
 * The data's own entries are not used, only its indexes.
 *
 * @param pairs the (train, test) files, one fold each, in order
 */
public record GivenFilesSplit(List<FilePair> pairs) implements Split {
    /**
     * One fold's files.
     *
     * @param train the training ratings
     * @param test  the test ratings
     */
    public record FilePair(Path train, Path test) {
        public FilePair {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
        }
    }

    public GivenFilesSplit {
        if (pairs == null || pairs.isEmpty()) {
            throw InvalidInputException.of("pairs", pairs, "at least one (train, test) pair of files");
        }
        pairs = List.copyOf(pairs);
    }

    /** One fold from a train file and a test file. */
    public GivenFilesSplit(Path train, Path test) {
        this(List.of(new FilePair(train, test)));
    }

    /**
     * Numbered pairs {@code <prefix><n>.base}/{@code <prefix><n>.test} in {@code dir} for
     * {@code n = from … to}: {@code numbered(dir, "u", 1, 5)} is MovieLens 100K's official 5-fold
     * cross-validation.
     */
    public static GivenFilesSplit numbered(Path dir, String prefix, int from, int to) {
        if (from < 0 || to < from) {
            throw new InvalidInputException("numbered file range must satisfy 0 <= from <= to, was " + from + ".." + to);
        }
        List<FilePair> pairs = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            pairs.add(new FilePair(dir.resolve(prefix + n + ".base"), dir.resolve(prefix + n + ".test")));
        }
        return new GivenFilesSplit(pairs);
    }

    @Override
    public List<Fold> folds(Interactions data) {
        List<Fold> folds = new ArrayList<>(pairs.size());
        for (int f = 0; f < pairs.size(); f++) {
            FilePair p = pairs.get(f);
            Interactions train = read(p.train(), data.users(), data.items());
            Interactions test = read(p.test(), data.users(), data.items());
            if (train.size() == 0) {
                throw new InvalidInputException("train file " + p.train() + " has no ratings");
            }
            if (test.size() == 0) {
                throw new InvalidInputException("test file " + p.test() + " has no ratings");
            }
            folds.add(new Fold(f, train, test));
        }
        return folds;
    }

    /** Reads one file in {@code u.data} format onto the given indexes. */
    public static Interactions read(Path file, IdIndex users, IdIndex items) {
        String name = file.toString();
        IntArrayList u = new IntArrayList();
        IntArrayList i = new IntArrayList();
        FloatArrayList v = new FloatArrayList();
        LongArrayList t = new LongArrayList();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            long lineNumber = 0;
            String[] fields = new String[4];
            while ((line = r.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int count = split(line, fields);
                if (count != 3 && count != 4) {
                    throw new DataFormatException(name, lineNumber, "expected 4 tab-separated fields (user id, item id,"
                            + " rating, timestamp), found " + count);
                }
                long userId = whole(fields[0], "user id", name, lineNumber);
                long itemId = whole(fields[1], "item id", name, lineNumber);
                float rating;
                try {
                    rating = Float.parseFloat(fields[2].strip());
                } catch (NumberFormatException e) {
                    throw new DataFormatException(name, lineNumber, "rating '" + fields[2] + "' is not a number");
                }
                if (!Float.isFinite(rating)) {
                    throw new DataFormatException(name, lineNumber, "rating '" + fields[2] + "' is not a finite number");
                }
                long time = count == 4 ? whole(fields[3], "timestamp", name, lineNumber) : 0L;
                int ui = users.indexOf(userId);
                if (ui < 0) {
                    throw new DataFormatException(name, lineNumber, "user id " + userId + " is not in the data set");
                }
                int ii = items.indexOf(itemId);
                if (ii < 0) {
                    throw new DataFormatException(name, lineNumber, "item id " + itemId + " is not in the data set");
                }
                u.add(ui);
                i.add(ii);
                v.add(rating);
                t.add(time);
            }
        } catch (NoSuchFileException e) {
            throw new NotFoundException("split file " + name + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot read split file " + name + ": " + e.getMessage(), e);
        }
        return new Interactions(users, items, u.toIntArray(), i.toIntArray(), v.toFloatArray(), t.toLongArray());
    }

    /** Splits on tabs into {@code out}; returns the field count (which may exceed {@code out.length}). */
    private static int split(String line, String[] out) {
        int count = 0;
        int from = 0;
        while (true) {
            int at = line.indexOf('\t', from);
            String field = at < 0 ? line.substring(from) : line.substring(from, at);
            if (count < out.length) {
                out[count] = field;
            }
            count++;
            if (at < 0) {
                return count;
            }
            from = at + 1;
        }
    }

    private static long whole(String text, String what, String file, long line) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, what + " '" + text + "' is not a whole number");
        }
    }

    @Override
    public String describe() {
        return "files:" + pairs.stream().map(p -> p.train().getFileName() + "," + p.test().getFileName())
                .collect(Collectors.joining(",")) + " (given train/test files"
                + (pairs.get(0).train().getParent() == null ? "" : " in " + pairs.get(0).train().getParent()) + ")";
    }
}
