package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The citizen withdraws before a decision. {@code expectedVersion}, when given, must be the application's current version. */
public record WithdrawApplication(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, String reason) {
}
