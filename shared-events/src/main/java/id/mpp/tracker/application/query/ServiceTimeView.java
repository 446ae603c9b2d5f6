package id.mpp.tracker.application.query;

import id.mpp.tracker.catalogue.ServiceStandard.DayUnit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An application against its service standard, from verification on.
 *
 * @param dueBy           the last day of the standard, at the MPP
 * @param dueAt           the moment it falls due, in the MPP's local time (the end of {@code dueBy})
 * @param calendarCertain false when the count ran through a year without a holiday calendar loaded
 * @param daysRemaining   days of {@code unit} left, negative when overdue; frozen while paused; null once decided
 * @param overdue         open and past due (or breached)
 * @param paused          waiting for the citizen's documents: the clock stands still
 * @param breached        the due date passed without a decision (recorded once)
 * @param daysLate        once decided: days of {@code unit} after the due date, 0 when on time
 */
public record ServiceTimeView(int standardDays, DayUnit unit, boolean deemedApproval, LocalDate dueBy,
                              OffsetDateTime dueAt, String timeZone, boolean calendarCertain, Integer daysRemaining,
                              boolean overdue, boolean paused, boolean breached, Integer daysLate) {
}
