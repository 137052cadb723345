package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the command line's split syntax:
 *
 * <table>
 * <caption>split specs</caption>
 * <tr><td>{@code kfold:5}</td><td>{@link KFoldSplit}, k ≥ 2</td></tr>
 * <tr><td>{@code holdout:0.2}</td><td>{@link HoldoutSplit}, 0 &lt; fraction &lt; 1</td></tr>
 * <tr><td>{@code userholdout:0.2}</td><td>{@link UserHoldoutSplit}, 0 &lt; fraction &lt; 1</td></tr>
 * <tr><td>{@code temporal:1}</td><td>{@link TemporalSplit}, k ≥ 1</td></tr>
 * <tr><td>{@code files:u1.base,u1.test[,u2.base,u2.test…]}</td><td>{@link GivenFilesSplit}, one fold per pair</td></tr>
 * <tr><td>{@code files:u1..u5}</td><td>shorthand for {@code files:u1.base,u1.test,…,u5.base,u5.test}</td></tr>
 * </table>
 *
 * <p>The kind is case-insensitive; relative file names are resolved against a base directory (for
 * example the MovieLens folder). Bad specs are {@link InvalidInputException}s that quote the spec
 * and list the accepted forms.
 */
public final class Splits {
    /** The accepted forms, for help texts and error messages. */
    public static final String SYNTAX = "kfold:K, holdout:FRACTION, userholdout:FRACTION, temporal:K,"
            + " files:TRAIN,TEST[,TRAIN,TEST…] or files:u1..u5";

    private static final Pattern NUMBERED = Pattern.compile("([A-Za-z_\\-]*)(\\d+)\\.\\.\\1?(\\d+)");

    private Splits() {
    }

    /**
     * The split a spec names.
     *
     * @param spec    e.g. {@code kfold:5}
     * @param seed    seed of the random splits (k-fold, holdout, user holdout)
     * @param baseDir directory that relative file names of {@code files:} are resolved against
     */
    public static Split parse(String spec, long seed, Path baseDir) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("split must be one of " + SYNTAX + ", was empty");
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new InvalidInputException("split '" + spec + "' has no ':'; expected one of " + SYNTAX);
        }
        String kind = s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String arg = s.substring(colon + 1).strip();
        if (arg.isEmpty()) {
            throw new InvalidInputException("split '" + spec + "' has nothing after ':'; expected one of " + SYNTAX);
        }
        return switch (kind) {
            case "kfold" -> new KFoldSplit(wholeNumber(arg, spec, "k"), seed);
            case "holdout" -> new HoldoutSplit(fraction(arg, spec), seed);
            case "userholdout" -> new UserHoldoutSplit(fraction(arg, spec), seed);
            case "temporal" -> new TemporalSplit(wholeNumber(arg, spec, "k"));
            case "files" -> files(arg, spec, baseDir == null ? Path.of("") : baseDir);
            default -> throw new InvalidInputException("split kind '" + kind + "' in '" + spec
                    + "' is unknown; expected one of " + SYNTAX);
        };
    }

    /** {@link #parse(String, long, Path)} with file names resolved against the working directory. */
    public static Split parse(String spec, long seed) {
        return parse(spec, seed, Path.of(""));
    }

    private static int wholeNumber(String arg, String spec, String what) {
        try {
            return Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("split '" + spec + "': " + what + " must be a whole number, was '" + arg + "'");
        }
    }

    private static double fraction(String arg, String spec) {
        double f;
        try {
            f = Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("split '" + spec + "': fraction must be a number strictly between 0 and 1,"
                    + " was '" + arg + "'");
        }
        if (!(f > 0 && f < 1)) {
            throw new InvalidInputException("split '" + spec + "': fraction must be strictly between 0 and 1, was " + arg);
        }
        return f;
    }

    private static GivenFilesSplit files(String arg, String spec, Path base) {
        Matcher m = NUMBERED.matcher(arg);
        GivenFilesSplit split;
        if (!arg.contains(",") && m.matches()) {
            int from = Integer.parseInt(m.group(2));
            int to = Integer.parseInt(m.group(3));
            if (to < from) {
                throw new InvalidInputException("split '" + spec + "': range " + from + ".." + to + " is empty");
            }
            split = GivenFilesSplit.numbered(base, m.group(1), from, to);
        } else {
            String[] names = arg.split(",", -1);
            if (names.length % 2 != 0) {
                throw new InvalidInputException("split '" + spec + "': files must come in (train, test) pairs,"
                        + " found " + names.length + " name" + (names.length == 1 ? "" : "s"));
            }
            List<GivenFilesSplit.FilePair> pairs = new ArrayList<>();
            for (int k = 0; k < names.length; k += 2) {
                String train = names[k].strip();
                String test = names[k + 1].strip();
                if (train.isEmpty() || test.isEmpty()) {
                    throw new InvalidInputException("split '" + spec + "': a file name is empty");
                }
                pairs.add(new GivenFilesSplit.FilePair(base.resolve(train), base.resolve(test)));
            }
            split = new GivenFilesSplit(pairs);
        }
        for (GivenFilesSplit.FilePair p : split.pairs()) {
            for (Path f : List.of(p.train(), p.test())) {
                if (!Files.isRegularFile(f)) {
                    throw new NotFoundException("split '" + spec + "': file " + f + " does not exist");
                }
            }
        }
        return split;
    }

    /** The fold of {@code data} whose test set is the entries flagged in {@code isTest}. */
    static Fold fold(int index, Interactions data, boolean[] isTest, int testSize) {
        int[] test = new int[testSize];
        int[] train = new int[isTest.length - testSize];
        int a = 0;
        int b = 0;
        for (int k = 0; k < isTest.length; k++) {
            if (isTest[k]) {
                test[a++] = k;
            } else {
                train[b++] = k;
            }
        }
        return new Fold(index, data.subset(train), data.subset(test));
    }
}
