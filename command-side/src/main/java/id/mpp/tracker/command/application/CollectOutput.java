package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The citizen collects the output of a completed application. {@code expectedVersion}, when given, must be the application's current version. */
public record CollectOutput(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion) {
}
