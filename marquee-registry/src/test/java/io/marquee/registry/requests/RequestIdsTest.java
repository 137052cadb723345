package io.marquee.registry.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void the_layout_matches_the_version_7_example_of_rfc_9562() {
        // RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F
        UUID id = RequestIds.at(0x017F22E279B0L, 0xCC3L, 0x18C4DC0C0C07398FL);
        assertThat(id.toString()).isEqualTo("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void a_new_id_is_version_7_and_carries_the_current_millisecond() {
        long before = System.currentTimeMillis();
        UUID id = RequestIds.next();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void ids_of_a_later_millisecond_sort_after_earlier_ones_as_text_too() {
        UUID early = RequestIds.at(1_700_000_000_000L, -1L, -1L); // largest random bits
        UUID late = RequestIds.at(1_700_000_000_001L, 0L, 0L);   // smallest random bits
        assertThat(late.toString()).isGreaterThan(early.toString());
        assertThat(Long.compareUnsigned(late.getMostSignificantBits(), early.getMostSignificantBits())).isPositive();
    }

    @Test
    void two_hundred_thousand_ids_made_in_a_burst_are_all_different() {
        Set<UUID> seen = new HashSet<>();
        for (int k = 0; k < 200_000; k++) {
            assertThat(seen.add(RequestIds.next())).isTrue();
        }
    }
}
