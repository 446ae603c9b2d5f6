package id.mpp.tracker.dashboard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkmIndexTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100, A", "88.31, A", "88.30, B", "76.61, B", "76.60, C", "65.00, C", "64.99, D", "25, D"})
    void bandsAsPermenPanrb14Of2017SetsThem(double index, String band) {
        assertThat(SkmIndex.bandOf(index)).isEqualTo(band);
    }

    @Test
    void scoresOneToFourScaleToTwentyFiveToOneHundred() {
        assertThat(SkmIndex.of(4 + 4 + 3, 3)).isEqualTo(new SkmIndex(91.67, "A", 3));
        assertThat(SkmIndex.of(1, 1)).isEqualTo(new SkmIndex(25.0, "D", 1));
        assertThat(SkmIndex.of(0, 0)).isEqualTo(new SkmIndex(null, null, 0));
    }
}
