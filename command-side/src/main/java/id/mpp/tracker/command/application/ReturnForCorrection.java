package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand an incomplete file back to the citizen. {@code expectedVersion}, when given, must be the application's current version. */
public record ReturnForCorrection(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, String reason, List<String> missingDocuments) {
}
