package id.mpp.tracker.sla;

import id.mpp.tracker.catalogue.ServiceStandard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static id.mpp.tracker.catalogue.ServiceStandard.DayUnit.CALENDAR_DAYS;
import static id.mpp.tracker.catalogue.ServiceStandard.DayUnit.WORKING_DAYS;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceClockTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    private final ServiceClock clock = new ServiceClock(Calendars.of2025());

    @Test
    void theClockStartsOnTheDayOfVerificationAtTheMpp() {
        // 16:30 UTC on Wednesday is still Wednesday in Jakarta (WIB) but already Thursday in Manado (WITA)
        Instant verifiedAt = Instant.parse("2025-09-03T16:30:00Z");
        var oneWorkingDay = new ServiceStandard(1, WORKING_DAYS);

        assertThat(clock.due(verifiedAt, WIB, oneWorkingDay).lastDay()).isEqualTo(LocalDate.parse("2025-09-04"));
        assertThat(clock.due(verifiedAt, WITA, oneWorkingDay).lastDay()).as("Friday is Maulid Nabi")
                .isEqualTo(LocalDate.parse("2025-09-08"));
    }

    @Test
    void aKtpElStandardIsDueAtTheEndOfItsFourteenthWorkingDayLocalTime() {
        var due = clock.due(Instant.parse("2025-03-26T03:00:00Z"), WIB, new ServiceStandard(14, WORKING_DAYS));

        assertThat(due.lastDay()).as("over Idul Fitri, its cuti bersama and Good Friday").isEqualTo(LocalDate.parse("2025-04-25"));
        assertThat(due.dueAt()).as("midnight at the MPP").isEqualTo(Instant.parse("2025-04-25T17:00:00Z"));
        assertThat(due.calendarCertain()).isTrue();
    }

    @Test
    void calendarDayStandardsCountEveryDay() {
        var due = clock.due(Instant.parse("2025-03-27T03:00:00Z"), WIB, new ServiceStandard(7, CALENDAR_DAYS));

        assertThat(due.lastDay()).isEqualTo(LocalDate.parse("2025-04-03"));
    }

    @Test
    void aDueDateCountedIntoAYearWithoutACalendarIsFlagged() {
        var due = clock.due(Instant.parse("2025-12-22T03:00:00Z"), WIB, new ServiceStandard(14, WORKING_DAYS));

        assertThat(due.calendarCertain()).isFalse();
    }

    @Test
    void waitingForDocumentsAcrossHolidaysMovesTheDueDateByTheWorkingDaysPaused() {
        var standard = new ServiceStandard(5, WORKING_DAYS);
        var due = clock.due(Instant.parse("2025-03-24T03:00:00Z"), WIB, standard);
        assertThat(due.lastDay()).isEqualTo(LocalDate.parse("2025-04-09"));

        // paused on Thursday 27 March, documents back on Wednesday 9 April: of the days between, only 8 and 9 April worked
        var moved = clock.resume(due, Instant.parse("2025-03-27T03:00:00Z"), Instant.parse("2025-04-09T03:00:00Z"), standard.unit());

        assertThat(moved.lastDay()).isEqualTo(LocalDate.parse("2025-04-11"));
    }

    @Test
    void workingDaysRemainingTurnNegativeOnceOverdue() {
        var due = clock.due(Instant.parse("2025-01-06T03:00:00Z"), WIB, new ServiceStandard(3, WORKING_DAYS));

        assertThat(clock.workingDaysRemaining(due, Instant.parse("2025-01-06T05:00:00Z"))).isEqualTo(3);
        assertThat(clock.workingDaysRemaining(due, Instant.parse("2025-01-13T05:00:00Z"))).isEqualTo(-2);
        assertThat(due.isOverdueAt(Instant.parse("2025-01-09T16:59:59Z"))).isFalse();
        assertThat(due.isOverdueAt(Instant.parse("2025-01-09T17:00:00Z"))).isTrue();
    }
}
