package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agency refuses the service. {@code expectedVersion}, when given, must be the application's current version. */
public record RejectApplication(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, String reason) {
}
