package io.marquee.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitsTest {
    private static final Interactions DATA = EvalFixtures.random(40, 30, 0.2, 7);

    @TempDir
    Path dir;

    /** Entries are identified by their time, which is their position in {@link #DATA}. */
    private static List<Long> times(Interactions d) {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < d.size(); k++) {
            out.add(d.time(k));
        }
        return out;
    }

    private static void assertPartition(Fold fold, Interactions data) {
        List<Long> train = times(fold.train());
        List<Long> test = times(fold.test());
        Set<Long> union = new HashSet<>(train);
        union.addAll(test);
        assertThat(train.size() + test.size()).isEqualTo(data.size());
        assertThat(union).hasSize(data.size()).containsAll(times(data));
        assertThat(fold.train().users()).isSameAs(data.users());
        assertThat(fold.train().items()).isSameAs(data.items());
        assertThat(fold.test().users()).isSameAs(data.users());
        assertThat(fold.test().items()).isSameAs(data.items());
    }

    private static Map<Integer, Integer> perUser(Interactions d) {
        Map<Integer, Integer> out = new HashMap<>();
        for (int k = 0; k < d.size(); k++) {
            out.merge(d.user(k), 1, Integer::sum);
        }
        return out;
    }

    @Test
    void kfold_puts_every_entry_in_exactly_one_test_fold_and_train_and_test_partition_the_data() {
        List<Fold> folds = new KFoldSplit(5, 42).folds(DATA);
        assertThat(folds).hasSize(5);
        Map<Long, Integer> testedIn = new HashMap<>();
        for (Fold f : folds) {
            assertPartition(f, DATA);
            for (long t : times(f.test())) {
                testedIn.merge(t, 1, Integer::sum);
            }
            assertThat(f.test().size()).isBetween(DATA.size() / 5, DATA.size() / 5 + 1);
        }
        assertThat(testedIn).hasSize(DATA.size());
        assertThat(testedIn.values()).containsOnly(1);
    }

    @Test
    void kfold_is_deterministic_by_seed() {
        assertThat(times(new KFoldSplit(3, 1).folds(DATA).get(0).test()))
                .isEqualTo(times(new KFoldSplit(3, 1).folds(DATA).get(0).test()))
                .isNotEqualTo(times(new KFoldSplit(3, 2).folds(DATA).get(0).test()));
    }

    @Test
    void holdout_tests_the_rounded_fraction_of_all_ratings() {
        Fold f = new HoldoutSplit(0.2, 3).folds(DATA).get(0);
        assertPartition(f, DATA);
        assertThat(f.test().size()).isEqualTo(Math.round(DATA.size() * 0.2));
        assertThat(times(new HoldoutSplit(0.2, 3).folds(DATA).get(0).test())).isEqualTo(times(f.test()));
    }

    @Test
    void user_holdout_tests_the_rounded_fraction_of_each_users_ratings_and_keeps_single_rating_users_in_train() {
        Interactions sparse = EvalFixtures.random(60, 30, 0.1, 7);
        UserHoldoutSplit split = new UserHoldoutSplit(0.25, 11);
        Fold f = split.folds(sparse).get(0);
        assertPartition(f, sparse);
        Map<Integer, Integer> all = perUser(sparse);
        Map<Integer, Integer> test = perUser(f.test());
        for (Map.Entry<Integer, Integer> e : all.entrySet()) {
            int n = e.getValue();
            int expected = n < 2 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(n * 0.25)));
            assertThat(test.getOrDefault(e.getKey(), 0)).as("user %d with %d ratings", e.getKey(), n).isEqualTo(expected);
        }
        assertThat(all.values()).contains(1); // the fixture has single-rating users, who stay in train
        assertThat(split.testCount(1)).isZero();
        assertThat(split.testCount(2)).isEqualTo(1);
        assertThat(split.testCount(10)).isEqualTo(3); // round(2.5) = 3
    }

    @Test
    void user_holdout_is_deterministic_by_seed() {
        assertThat(times(new UserHoldoutSplit(0.3, 5).folds(DATA).get(0).test()))
                .isEqualTo(times(new UserHoldoutSplit(0.3, 5).folds(DATA).get(0).test()))
                .isNotEqualTo(times(new UserHoldoutSplit(0.3, 6).folds(DATA).get(0).test()));
    }

    @Test
    void temporal_split_tests_each_users_latest_k_ratings_and_breaks_time_ties_by_item_index() {
        Interactions d = EvalFixtures.data(3, 5, new double[][] {
            {0, 0, 5, 100}, {0, 1, 4, 300}, {0, 2, 3, 200},   // user 0: latest is item 1 (t=300), then item 2
            {1, 3, 5, 50}, {1, 1, 4, 50}, {1, 2, 2, 10},      // user 1: t=50 tie → item 3 is "later" than item 1
            {2, 4, 1, 999}});                                  // user 2: one rating, stays in train
        Fold f1 = new TemporalSplit(1).folds(d).get(0);
        assertThat(f1.train().size()).isEqualTo(5);
        assertThat(pairs(f1.test())).containsExactlyInAnyOrder("0:1", "1:3");
        Fold f2 = new TemporalSplit(2).folds(d).get(0);
        assertThat(pairs(f2.test())).containsExactlyInAnyOrder("0:1", "0:2", "1:3", "1:1");
        assertThatThrownBy(() -> new TemporalSplit(3).folds(d)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty test set");
    }

    private static List<String> pairs(Interactions d) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < d.size(); k++) {
            out.add(d.user(k) + ":" + d.item(k));
        }
        return out;
    }

    @Test
    void given_files_map_external_ids_through_the_datas_indexes() throws IOException {
        Interactions d = EvalFixtures.data(3, 4, new double[][] {{0, 0, 5}});
        // users have ids 1, 2, 3; items 10, 20, 30, 40
        Path base = write("a.base", "3\t20\t4\t881250949", "", "1\t10\t5\t1");
        Path test = write("a.test", "2\t40\t2.5\t7");
        Fold f = new GivenFilesSplit(base, test).folds(d).get(0);
        assertThat(f.train().users()).isSameAs(d.users());
        assertThat(f.train().size()).isEqualTo(2);
        assertThat(f.train().user(0)).isEqualTo(2);
        assertThat(f.train().item(0)).isEqualTo(1);
        assertThat(f.train().value(0)).isEqualTo(4f);
        assertThat(f.train().time(0)).isEqualTo(881250949L);
        assertThat(f.test().item(0)).isEqualTo(3);
        assertThat(f.test().value(0)).isEqualTo(2.5f);
    }

    @Test
    void given_files_report_an_unknown_id_or_a_bad_line_with_file_and_line() throws IOException {
        Interactions d = EvalFixtures.data(3, 4, new double[][] {{0, 0, 5}});
        Path good = write("g.test", "1\t10\t5\t1");
        Path unknownItem = write("u.base", "1\t10\t5\t1", "", "2\t99\t3\t2");
        assertThatThrownBy(() -> new GivenFilesSplit(unknownItem, good).folds(d))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(unknownItem + ":3: item id 99 is not in the data set");
        Path unknownUser = write("v.base", "44\t10\t5\t1");
        assertThatThrownBy(() -> new GivenFilesSplit(unknownUser, good).folds(d))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(":1: user id 44 is not in the data set");
        Path fields = write("f.base", "1\t10\t5\t1", "1 10 5 1");
        assertThatThrownBy(() -> new GivenFilesSplit(fields, good).folds(d))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("f.base:2: expected 4 tab-separated fields");
        Path rating = write("r.base", "1\t10\tfive\t1");
        assertThatThrownBy(() -> new GivenFilesSplit(rating, good).folds(d))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("r.base:1: rating 'five' is not a number");
        assertThatThrownBy(() -> new GivenFilesSplit(dir.resolve("missing.base"), good).folds(d))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("missing.base");
    }

    @Test
    void several_given_file_pairs_make_one_fold_each() throws IOException {
        Interactions d = EvalFixtures.data(3, 4, new double[][] {{0, 0, 5}});
        for (int n = 1; n <= 3; n++) {
            write("u" + n + ".base", "1\t10\t5\t1", "2\t20\t4\t2");
            write("u" + n + ".test", n + "\t30\t3\t3");
        }
        Split split = Splits.parse("files:u1..u3", 0, dir);
        List<Fold> folds = split.folds(d);
        assertThat(folds).hasSize(3);
        assertThat(folds.get(2).index()).isEqualTo(2);
        assertThat(folds.get(2).test().user(0)).isEqualTo(2);
        assertThat(split.describe()).startsWith("files:u1.base,u1.test,u2.base,u2.test,u3.base,u3.test");
        assertThat(Splits.parse("files:u2.base,u2.test,u3.base , u3.test", 0, dir).folds(d)).hasSize(2);
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    @Test
    void parse_reads_every_split_kind_with_the_given_seed() throws IOException {
        assertThat(Splits.parse("kfold:5", 9, dir)).isEqualTo(new KFoldSplit(5, 9));
        assertThat(Splits.parse(" HOLDOUT:0.2 ", 9, dir)).isEqualTo(new HoldoutSplit(0.2, 9));
        assertThat(Splits.parse("userholdout:0.1", 9, dir)).isEqualTo(new UserHoldoutSplit(0.1, 9));
        assertThat(Splits.parse("temporal:1", 9, dir)).isEqualTo(new TemporalSplit(1));
        write("x.base", "1\t10\t5\t1");
        write("x.test", "1\t20\t5\t1");
        assertThat(Splits.parse("files:x.base,x.test", 9, dir))
                .isEqualTo(new GivenFilesSplit(dir.resolve("x.base"), dir.resolve("x.test")));
    }

    @Test
    void parse_refuses_bad_specs_with_messages_that_quote_them() {
        assertThatThrownBy(() -> Splits.parse("", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kfold:K");
        assertThatThrownBy(() -> Splits.parse("kfold", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("split 'kfold' has no ':'");
        assertThatThrownBy(() -> Splits.parse("kfold:", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing after ':'");
        assertThatThrownBy(() -> Splits.parse("kfold:five", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k must be a whole number, was 'five'");
        assertThatThrownBy(() -> Splits.parse("kfold:1", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k must be at least 2, was 1");
        assertThatThrownBy(() -> Splits.parse("holdout:1.5", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strictly between 0 and 1, was 1.5");
        assertThatThrownBy(() -> Splits.parse("userholdout:x", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> Splits.parse("temporal:0", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k must be at least 1, was 0");
        assertThatThrownBy(() -> Splits.parse("random:3", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("split kind 'random'").hasMessageContaining("userholdout:FRACTION");
        assertThatThrownBy(() -> Splits.parse("files:u1.base", 0, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(train, test) pairs, found 1 name");
        assertThatThrownBy(() -> Splits.parse("files:a.base,b.test", 0, dir)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("a.base does not exist");
    }

    @Test
    void splits_refuse_bad_parameters_naming_the_field() {
        assertThatThrownBy(() -> new UserHoldoutSplit(0, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fraction must be strictly between 0 and 1, was 0.0");
        assertThatThrownBy(() -> new TemporalSplit(-2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k must be at least 1, was -2");
    }

    @Test
    void a_fold_refuses_train_and_test_on_different_indexes() {
        Interactions a = EvalFixtures.data(2, 2, new double[][] {{0, 0, 1}});
        Interactions b = EvalFixtures.data(3, 2, new double[][] {{0, 0, 1}});
        assertThatThrownBy(() -> new Fold(0, a, b)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("share the same user and item indexes");
    }
}
