package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationStatus;

/** What an accepted command leaves behind: the application's status and version after it. */
public record CommandOutcome(ApplicationId applicationId, ApplicationStatus status, long version) {
}
