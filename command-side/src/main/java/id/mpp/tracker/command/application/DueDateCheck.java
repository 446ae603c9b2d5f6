package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;

import java.time.Instant;

/** What a {@link CheckDueDate} found; {@code dueAt} is set while the clock runs. */
public record DueDateCheck(ApplicationId applicationId, Finding finding, Instant dueAt) {

    public enum Finding {
        /** The due date passed: a breach was recorded. */
        BREACHED,
        /** The due date of a licensing service passed: the application was approved by law. */
        DEEMED_APPROVED,
        /** The clock runs and the application is not due yet. */
        NOT_YET_DUE,
        /** Nothing can fall due: no clock, paused, already breached, or decided. */
        NOTHING_DUE
    }
}
