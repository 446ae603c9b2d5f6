package id.mpp.tracker.sla;

import id.mpp.tracker.catalogue.ServiceStandard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When an application is due, by the service's published standard. The clock starts on the day the file is
 * verified complete, in the MPP's own time zone; the standard counts working or calendar days after that day; an
 * application is due by the end of its last day at the MPP. Waiting for the citizen's documents pauses the clock.
 */
public final class ServiceClock {

    private final WorkingDays workingDays;

    public ServiceClock(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    public DueDate due(Instant verifiedAt, ZoneId zone, ServiceStandard standard) {
        LocalDate start = verifiedAt.atZone(zone).toLocalDate();
        LocalDate last = switch (standard.unit()) {
            case WORKING_DAYS -> workingDays.addWorkingDays(start, standard.days());
            case CALENDAR_DAYS -> start.plusDays(standard.days());
        };
        return new DueDate(last, zone, standard.unit() == ServiceStandard.DayUnit.CALENDAR_DAYS || workingDays.covers(start, last));
    }

    /** The due date moved by the time the clock stood still, from {@code pausedAt} until {@code resumedAt}. */
    public DueDate resume(DueDate due, Instant pausedAt, Instant resumedAt, ServiceStandard.DayUnit unit) {
        LocalDate paused = pausedAt.atZone(due.zone()).toLocalDate();
        LocalDate resumed = resumedAt.atZone(due.zone()).toLocalDate();
        LocalDate moved = switch (unit) {
            case WORKING_DAYS -> workingDays.addWorkingDays(due.lastDay(), Math.max(0, workingDays.workingDaysBetween(paused, resumed)));
            case CALENDAR_DAYS -> due.lastDay().plusDays(Math.max(0, ChronoUnit.DAYS.between(paused, resumed)));
        };
        boolean certain = due.calendarCertain()
                && (unit == ServiceStandard.DayUnit.CALENDAR_DAYS || workingDays.covers(paused, moved));
        return new DueDate(moved, due.zone(), certain);
    }

    /** Working days left until the end of the due date, seen at {@code now}; negative once overdue. */
    public int workingDaysRemaining(DueDate due, Instant now) {
        return workingDays.workingDaysBetween(now.atZone(due.zone()).toLocalDate(), due.lastDay());
    }

    /**
     * @param lastDay         the last day of the standard, at the MPP
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
}
