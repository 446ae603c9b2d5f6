package id.mpp.tracker.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When an application is due: by the end of {@code lastDay} at the MPP.
 *
 * @param lastDay         the last day of the standard, at the MPP
 * @param zone            the MPP's time zone
 * @param calendarCertain false when a year the count ran through has no holiday calendar loaded
 */
public record DueDate(LocalDate lastDay, ZoneId zone, boolean calendarCertain) {

    /** The moment the application becomes overdue: the end of the last day at the MPP. */
    public Instant dueAt() {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public ZonedDateTime dueAtLocal() {
        return dueAt().atZone(zone);
    }

    public boolean isOverdueAt(Instant now) {
        return !now.isBefore(dueAt());
    }
}
