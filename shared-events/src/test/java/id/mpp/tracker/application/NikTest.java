package id.mpp.tracker.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NikTest {

    // PP.KK.CC.DDMMYY.SSSS: Jakarta Timur (31 71 01), born 12 January 1990, serial 0042
    private static final String MALE = "3171011201900042";
    private static final String FEMALE = "3171015201900042";

    @Test
    void acceptsAMan() {
        Nik nik = Nik.parse(MALE);

        assertThat(nik.value()).isEqualTo(MALE);
        assertThat(nik.female()).isFalse();
        assertThat(nik.provinceCode()).isEqualTo("31");
    }

    @Test
    void acceptsAWomanWhoseDayHasFortyAdded() {
        Nik nik = Nik.parse(FEMALE);

        assertThat(nik.value()).isEqualTo(FEMALE);
        assertThat(nik.female()).isTrue();
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(Nik.parse("  " + MALE + "\t")).isEqualTo(Nik.of(MALE));
    }

    // The century is not encoded: 29 February is valid when 19YY or 20YY is a leap year.
    @ParameterizedTest(name = "29 February ''{0}: valid = {1}")
    @CsvSource({"00, true", "04, true", "96, true", "01, false", "98, false", "02, false"})
    void february29thNeedsALeapYearInEitherCentury(String yy, boolean valid) {
        for (String day : new String[]{"29", "69"}) {
            String nik = "317101" + day + "02" + yy + "0042";
            if (valid) {
                assertThat(Nik.parse(nik).female()).isEqualTo(day.equals("69"));
            } else {
                assertThatThrownBy(() -> Nik.parse(nik)).hasMessageContaining("date of birth");
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "letters,                    31710112019000A2, 16 digits",
            "15 digits,                  317101120190004,  16 digits",
            "17 digits,                  31710112019000421, 16 digits",
            "digits with a separator,    3171-01120190004, 16 digits",
            "unknown province 99,        9971011201900042, province",
            "unknown province 00,        0071011201900042, province",
            "unknown province 20,        2071011201900042, province",
            "regency 00,                 3100011201900042, regency",
            "district 00,                3171001201900042, district",
            "day 00,                     3171010001900042, date of birth",
            "day 32,                     3171013201900042, date of birth",
            "day 40 (neither sex),       3171014001900042, date of birth",
            "day 72 (women's 32),        3171017201900042, date of birth",
            "30 February,                3171013002900042, date of birth",
            "month 00,                   3171011200900042, date of birth",
            "month 13,                   3171011213900042, date of birth",
            "serial 0000,                3171011201900000, serial",
    })
    void rejectsWithoutEchoingTheNumber(String description, String nik, String problem) {
        assertThatThrownBy(() -> Nik.parse(nik))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(problem)
                .hasMessageNotContaining(nik)
                .hasMessageNotContaining(nik.substring(6, 14))
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("nik");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsAMissingNumber(String nik) {
        assertThatThrownBy(() -> Nik.parse(nik)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void maskedKeepsTheRegionAndTheLastTwoDigits() {
        assertThat(Nik.parse(FEMALE).masked()).isEqualTo("317101********42");
    }

    @Test
    void toStringNeverShowsTheWholeNumber() {
        Nik nik = Nik.parse(FEMALE);

        assertThat(nik.toString()).isEqualTo(nik.masked()).doesNotContain(FEMALE).doesNotContain("520190");
    }
}
