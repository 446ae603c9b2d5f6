package id.mpp.tracker.command.audit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Seal the stretch of the stream after {@code afterPosition}, which must be where the last anchor ended. */
public record AnchorStream(@TargetAggregateIdentifier String anchorLogId, long afterPosition, long throughPosition, long events,
                    String rollup, Instant firstEventAt, Instant lastEventAt) {
}
