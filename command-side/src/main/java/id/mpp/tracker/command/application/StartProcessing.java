package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agency takes the application up. {@code expectedVersion}, when given, must be the application's current version. */
public record StartProcessing(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion) {
}
