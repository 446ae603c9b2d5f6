package id.mpp.tracker.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarReaderTest {

    @ParameterizedTest
    @ValueSource(ints = {2026, 2027})
    void theBundledCalendarsLoadAndSayWhereTheyComeFrom(int year) {
        HolidayCalendar calendar = bundled(year);

        assertThat(calendar.year()).isEqualTo(year);
        assertThat(calendar.source()).isNotBlank();
        assertThat(calendar.days()).extracting(HolidayCalendar.Day::date)
                .contains(LocalDate.of(year, 8, 17), LocalDate.of(year, 12, 25)).isSorted();
    }

    @Test
    void twentyTwentySixFollowsItsDecreeAndTwentyTwentySevenIsMarkedAsAProjection() {
        HolidayCalendar decree = bundled(2026);
        HolidayCalendar projection = bundled(2027);

        assertThat(decree.sample()).isFalse();
        assertThat(decree.days()).filteredOn(day -> day.kind() == HolidayCalendar.Kind.CUTI_BERSAMA).isNotEmpty();
        assertThat(projection.sample()).isTrue();
        assertThat(projection.days()).allMatch(HolidayCalendar.Day::sample);
    }

    @Test
    void theBundledYearsMakeWorkingDaysAcrossTheYearBoundaryCertain() {
        var workingDays = new WorkingDays(List.of(bundled(2026), bundled(2027)));

        assertThat(workingDays.covers(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 8, 17))).isFalse();
    }

    @Test
    void anInconsistentCalendarIsRefusedWithEveryProblemListed() {
        String yaml = """
                year: 2026
                version: "x"
                source: "x"
                sample: true
                days:
                  - { date: 2026-03-20, name: "b", kind: CUTI_BERSAMA, sample: false }
                  - { date: 2026-01-01, name: "a", kind: NATIONAL_HOLIDAY, sample: false }
                  - { date: 2026-01-01, name: "a", kind: NATIONAL_HOLIDAY, sample: false }
                  - { date: 2025-12-31, name: "c", kind: NATIONAL_HOLIDAY, sample: false }
                """;

        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("out of order").hasMessageContaining("listed twice")
                .hasMessageContaining("2025-12-31 is not in 2026");
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThatThrownBy(() -> read("year: 2026\nversion: x\nsource: x\nsample: false\nholidays: []\n"))
                .hasMessageContaining("cannot be read");
    }

    private static HolidayCalendar bundled(int year) {
        return HolidayCalendarReader.read(HolidayCalendarReaderTest.class.getResourceAsStream("/calendars/" + year + ".yaml"),
                year + ".yaml");
    }

    private static HolidayCalendar read(String yaml) {
        return HolidayCalendarReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
