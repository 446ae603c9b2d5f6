package id.mpp.tracker.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysTest {

    private final WorkingDays workingDays = Calendars.of2025();

    @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
    @CsvSource(textBlock = """
            2025-01-06, 1, 2025-01-07, an ordinary Monday
            2025-01-10, 1, 2025-01-13, over a weekend
            2025-01-24, 1, 2025-01-30, Friday before Isra Mikraj, cuti bersama and Imlek
            2025-03-27, 1, 2025-04-08, over the long Idul Fitri break
            2025-05-28, 1, 2025-06-02, Ascension on Thursday with cuti bersama bridging to the weekend
            2025-09-04, 1, 2025-09-08, holiday on Friday
            2025-12-24, 3, 2025-12-31, over Christmas and its cuti bersama
            2025-12-30, 3, 2026-01-02, into a year without a calendar: weekends only
            2025-01-06, 0, 2025-01-06, no days at all
            2025-04-01, 14, 2025-04-28, a KTP-el standard started inside the Eid break, over Good Friday
            """)
    void addsWorkingDays(LocalDate start, int days, LocalDate expected, String why) {
        assertThat(workingDays.addWorkingDays(start, days)).isEqualTo(expected);
    }

    @Test
    void weekendsHolidaysAndCutiBersamaAreNotWorkingDays() {
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2025-01-04"))).as("Saturday").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2025-08-17"))).as("HUT RI on a Sunday").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2025-08-18"))).as("cuti bersama").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2025-08-19"))).isTrue();
    }

    @Test
    void countsWorkingDaysAfterTheFirstDateUpToTheSecond() {
        assertThat(workingDays.workingDaysBetween(LocalDate.parse("2025-03-27"), LocalDate.parse("2025-04-08"))).isEqualTo(1);
        assertThat(workingDays.workingDaysBetween(LocalDate.parse("2025-04-08"), LocalDate.parse("2025-03-27"))).isEqualTo(-1);
        assertThat(workingDays.workingDaysBetween(LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-02"))).isZero();
    }

    @Test
    void saysWhenAYearHasNoCalendar() {
        assertThat(workingDays.covers(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))).isTrue();
        assertThat(workingDays.covers(LocalDate.parse("2025-12-24"), LocalDate.parse("2026-01-05"))).isFalse();
        assertThat(new WorkingDays(List.of(Calendars.YEAR_2025, Calendars.YEAR_2026_WITHOUT_HOLIDAYS))
                .covers(LocalDate.parse("2025-12-24"), LocalDate.parse("2026-01-05"))).isTrue();
    }

    @Test
    void refusesInconsistentCalendars() {
        assertThatThrownBy(() -> new WorkingDays(List.of(Calendars.YEAR_2025, Calendars.YEAR_2025)))
                .hasMessageContaining("Two calendars for 2025");
        var misplaced = new HolidayCalendar(2026, "x", "x", false, Calendars.YEAR_2025.days());
        assertThatThrownBy(() -> new WorkingDays(List.of(misplaced))).hasMessageContaining("listed in the calendar of 2026");
        assertThatThrownBy(() -> workingDays.addWorkingDays(LocalDate.parse("2025-01-06"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
