package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agency asks the citizen for more documents. {@code expectedVersion}, when given, must be the application's current version. */
public record RequestDocuments(@TargetAggregateIdentifier ApplicationId applicationId, Long expectedVersion, List<String> documents, String reason) {
}
