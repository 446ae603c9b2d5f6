package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The citizen rates the service (SKM 1-4). {@code expectedVersion}, when given, must be the application's current version. */
public record RateService(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, int score, String comment) {
}
