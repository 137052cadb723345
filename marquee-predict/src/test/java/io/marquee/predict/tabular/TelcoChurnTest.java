package io.marquee.predict.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.testing.SharedData;
import io.marquee.predict.classify.Algo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IBM Telco churn table from ../shared/data (skipped when absent). */
class TelcoChurnTest {
    private static Path telco() {
        return SharedData.require("telco-churn").resolve("WA_Fn-UseC_-Telco-Customer-Churn.csv");
    }

    @Test
    void telco_is_read_with_total_charges_imputed_and_customer_id_dropped() {
        LabelledTable data = LabelledTable.read(telco(), "Churn", "Yes");
        assertThat(data.y()).hasSize(7043);
        assertThat(data.positives()).isEqualTo(1869);
        assertThat(data.inference().dropped()).containsExactly("customerID");
        assertThat(data.inference().notes()).anyMatch(n -> n.contains("TotalCharges") && n.contains("11 missing"));
    }

    @Test
    void gradient_boosting_reaches_a_five_fold_roc_auc_of_at_least_0_83_on_telco() {
        ExperimentResult r = TabularExperiment.evaluate(telco(), "Churn", "Yes", Algo.GBDT, Map.of("nthread", "1"), 5,
                42);
        assertThat(r.folds()).hasSize(5);
        assertThat(r.mean("roc_auc")).isGreaterThanOrEqualTo(0.83);
        assertThat(r.mean("brier")).isLessThan(0.16);
    }
}
