package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take in the citizen's corrected file. {@code expectedVersion}, when given, must be the application's current version. */
public record ResubmitApplication(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, String note) {
}
