package id.mpp.tracker.dashboard;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadTimeHistogramTest {

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThat(new LeadTimeHistogram().percentileHours(0.5)).isNull();
    }

    @Test
    void underAMinuteIsTheFirstBucket() {
        assertThat(LeadTimeHistogram.bucketOf(Duration.ofSeconds(59))).isZero();
        assertThat(LeadTimeHistogram.bucketOf(Duration.ofMinutes(-5))).as("clock skew").isZero();
    }

    @Property
    void aPercentileIsWithinTenPercentOfTheExactValue(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 1, max = 500_000) Integer> minutes,
                                                      @ForAll @IntRange(min = 1, max = 99) int percent) {
        var histogram = new LeadTimeHistogram();
        minutes.forEach(m -> histogram.add(LeadTimeHistogram.bucketOf(Duration.ofMinutes(m)), 1));
        int[] sorted = minutes.stream().mapToInt(Integer::intValue).sorted().toArray();
        int exact = sorted[(int) Math.max(0, Math.ceil(percent / 100.0 * sorted.length) - 1)];

        double estimate = histogram.percentileHours(percent / 100.0) * 60;

        assertThat(estimate).isBetween(exact * 0.9 - 3, exact * 1.1 + 3);
    }
}
