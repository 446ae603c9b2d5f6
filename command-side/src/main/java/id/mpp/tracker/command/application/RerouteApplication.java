package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.catalogue.AgencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move the application to another agency. {@code expectedVersion}, when given, must be the application's current version. */
public record RerouteApplication(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, AgencyCode toAgencyCode, String reason) {
}
