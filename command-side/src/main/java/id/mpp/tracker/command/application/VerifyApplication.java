package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Declare the file complete, which routes it to its agency. {@code expectedVersion}, when given, must be the application's current version. */
public record VerifyApplication(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion) {
}
