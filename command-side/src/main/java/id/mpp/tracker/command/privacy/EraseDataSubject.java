package id.mpp.tracker.command.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a person's personal data, on their request, with the reason recorded. */
public record EraseDataSubject(@TargetAggregateIdentifier String dataSubjectId, String reason) {
}
