package id.mpp.tracker.sla;

import id.mpp.tracker.catalogue.ServiceStandard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /**
     * Days left until the end of the due date, seen at {@code now}, in the standard's unit; negative once overdue.
     * Overdue on a day off (a decision on the Saturday after a Friday deadline) still counts as one day late.
     */
    public int daysRemaining(DueDate due, Instant now, ServiceStandard.DayUnit unit) {
        LocalDate today = now.atZone(due.zone()).toLocalDate();
        int remaining = switch (unit) {
            case WORKING_DAYS -> workingDays.workingDaysBetween(today, due.lastDay());
            case CALENDAR_DAYS -> Math.toIntExact(ChronoUnit.DAYS.between(today, due.lastDay()));
        };
        return due.isOverdueAt(now) ? Math.min(-1, remaining) : remaining;
    }

    /** Working days left until the end of the due date, seen at {@code now}; negative once overdue. */
    public int workingDaysRemaining(DueDate due, Instant now) {
        return daysRemaining(due, now, ServiceStandard.DayUnit.WORKING_DAYS);
    }

    /** How a decision taken at {@code decidedAt} stands against the due date. */
    public Timeliness timeliness(DueDate due, Instant decidedAt, ServiceStandard.DayUnit unit) {
        return new Timeliness(due.dueAt(), Math.max(0, -daysRemaining(due, decidedAt, unit)), unit);
    }
}
