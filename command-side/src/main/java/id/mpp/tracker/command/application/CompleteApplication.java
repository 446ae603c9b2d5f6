package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agency grants the service. {@code expectedVersion}, when given, must be the application's current version. */
public record CompleteApplication(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, String outputReference) {
}
