package id.mpp.tracker.sla;

import id.mpp.tracker.catalogue.ServiceStandard;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the working-day arithmetic, over random dates, standards and holiday calendars. */
class WorkingDaysProperties {

    @Property
    void adding_working_days_lands_on_a_working_day(@ForAll("calendars") WorkingDays workingDays,
                                                    @ForAll("dates") LocalDate start,
                                                    @ForAll @IntRange(min = 1, max = 60) int days) {
        assertThat(workingDays.isWorkingDay(workingDays.addWorkingDays(start, days))).isTrue();
    }

    @Property
    void counting_back_what_was_added_gives_the_same_number(@ForAll("calendars") WorkingDays workingDays,
                                                            @ForAll("dates") LocalDate start,
                                                            @ForAll @IntRange(max = 60) int days) {
        LocalDate end = workingDays.addWorkingDays(start, days);

        assertThat(workingDays.workingDaysBetween(start, end)).isEqualTo(days);
        assertThat(workingDays.workingDaysBetween(end, start)).isEqualTo(-days);
    }

    @Property
    void more_days_never_end_earlier(@ForAll("calendars") WorkingDays workingDays, @ForAll("dates") LocalDate start,
                                     @ForAll @IntRange(max = 40) int days) {
        assertThat(workingDays.addWorkingDays(start, days + 1)).isAfter(workingDays.addWorkingDays(start, days));
    }

    @Property
    void a_working_days_standard_is_due_at_the_end_of_a_working_day_at_the_mpp(
            @ForAll("calendars") WorkingDays workingDays, @ForAll("instants") Instant verifiedAt,
            @ForAll("zones") ZoneId zone, @ForAll @IntRange(min = 1, max = 30) int days) {
        var due = new ServiceClock(workingDays).due(verifiedAt, zone, new ServiceStandard(days, ServiceStandard.DayUnit.WORKING_DAYS));

        assertThat(workingDays.isWorkingDay(due.lastDay())).isTrue();
        assertThat(due.dueAtLocal().toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(due.dueAt()).isAfter(verifiedAt);
    }

    @Property
    void pausing_never_brings_the_due_date_forward(@ForAll("calendars") WorkingDays workingDays,
                                                   @ForAll("instants") Instant verifiedAt,
                                                   @ForAll @IntRange(max = 20) int daysUntilPause,
                                                   @ForAll @IntRange(max = 30) int daysPaused) {
        var clock = new ServiceClock(workingDays);
        var standard = new ServiceStandard(14, ServiceStandard.DayUnit.WORKING_DAYS);
        var due = clock.due(verifiedAt, ZoneId.of("Asia/Jakarta"), standard);
        Instant pausedAt = verifiedAt.plusSeconds(86_400L * daysUntilPause);
        Instant resumedAt = pausedAt.plusSeconds(86_400L * daysPaused);

        var moved = clock.resume(due, pausedAt, resumedAt, standard.unit());

        int pausedWorkingDays = workingDays.workingDaysBetween(pausedAt.atZone(due.zone()).toLocalDate(),
                resumedAt.atZone(due.zone()).toLocalDate());
        assertThat(workingDays.workingDaysBetween(due.lastDay(), moved.lastDay())).isEqualTo(pausedWorkingDays);
    }

    @Provide
    Arbitrary<WorkingDays> calendars() {
        Arbitrary<HolidayCalendar.Day> day = dates().filter(date -> date.getYear() == 2025)
                .map(date -> new HolidayCalendar.Day(date, "libur", HolidayCalendar.Kind.NATIONAL_HOLIDAY, true));
        return day.list().ofMaxSize(40).uniqueElements(HolidayCalendar.Day::date)
                .map(days -> new WorkingDays(List.of(new HolidayCalendar(2025, "random", "random", true, days))));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 364).map(offset -> LocalDate.of(2025, 1, 1).plusDays(offset));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 364L * 86_400).map(seconds -> Instant.parse("2025-01-01T00:00:00Z").plusSeconds(seconds));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("Asia/Jakarta"), ZoneId.of("Asia/Makassar"), ZoneId.of("Asia/Jayapura"));
    }
}
