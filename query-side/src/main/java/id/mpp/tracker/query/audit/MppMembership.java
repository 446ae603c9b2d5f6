package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.ApplicationSubmitted;
import id.mpp.tracker.catalogue.MppCode;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which MPP an application event belongs to, as its first event recorded it (read from the event store, not from a
 * read model), remembering the most recent applications of one export.
 */
class MppMembership {

    private static final int REMEMBERED = 100_000;

    private final AuditedEvents events;
    private final Map<String, Optional<MppCode>> mppOfApplication = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<MppCode>> eldest) {
            return size() > REMEMBERED;
        }
    };

    MppMembership(AuditedEvents events) {
        this.events = events;
    }

    boolean belongsTo(MppCode mpp, DomainEventMessage<?> event) {
        if (!AuditedEvents.APPLICATION_AGGREGATE.equals(event.getType())) {
            return false;
        }
        return mppOfApplication.computeIfAbsent(event.getAggregateIdentifier(), id -> event.getSequenceNumber() == 0
                        ? submittedAt(event)
                        : events.first(id).flatMap(MppMembership::submittedAt))
                .map(mpp::equals).orElse(false);
    }

    private static Optional<MppCode> submittedAt(DomainEventMessage<?> first) {
        return first.getPayload() instanceof ApplicationSubmitted submitted ? Optional.of(submitted.mppCode()) : Optional.empty();
    }
}
