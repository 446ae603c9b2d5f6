package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.sla.WorkingDays;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulated past: the last {@code workingDays} working days up to yesterday, by the loaded holiday calendars.
 * It runs from the first of those days' midnight in the easternmost MPP time zone to the end of yesterday in the
 * westernmost one, which has passed everywhere, so no seeded event lies in the future.
 */
record SeedPeriod(LocalDate firstDay, LocalDate lastDay, Instant start, Instant end, WorkingDays calendar) {

    static SeedPeriod endingYesterday(int workingDays, WorkingDays calendar, Collection<Mpp> mpps, Clock clock) {
        Set<ZoneId> zones = mpps.stream().map(Mpp::zone).collect(Collectors.toSet());
        Instant now = clock.instant();
        LocalDate today = zones.stream().map(zone -> LocalDate.ofInstant(now, zone)).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("The catalogue lists no MPP"));
        LocalDate lastDay = today.minusDays(1);
        LocalDate firstDay = lastDay.plusDays(1);
        for (int counted = 0; counted < workingDays; ) {
            firstDay = firstDay.minusDays(1);
            if (calendar.isWorkingDay(firstDay)) {
                counted++;
            }
        }
        LocalDate first = firstDay;
        Instant start = zones.stream().map(zone -> first.atStartOfDay(zone).toInstant()).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = zones.stream().map(zone -> lastDay.plusDays(1).atStartOfDay(zone).toInstant()).max(Comparator.naturalOrder()).orElseThrow();
        return new SeedPeriod(firstDay, lastDay, start, end, calendar);
    }

    /** Whether the MPP's counters take applications at this moment's local date: a working day within the period. */
    boolean open(Mpp mpp, Instant moment) {
        LocalDate local = LocalDate.ofInstant(moment, mpp.zone());
        return !local.isBefore(firstDay) && !local.isAfter(lastDay) && calendar.isWorkingDay(local);
    }
}
