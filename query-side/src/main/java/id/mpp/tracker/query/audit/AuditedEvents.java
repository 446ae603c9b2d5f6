package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.audit.RecordedEvent;
import id.mpp.tracker.platform.audit.GlobalStream;
import id.mpp.tracker.platform.audit.RecordedEvents;
import id.mpp.tracker.platform.web.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The event store as auditors read it: only reads, never an append, never a token or a read model touched. */
@Component
class AuditedEvents {

    static final String APPLICATION_AGGREGATE = "ServiceApplication";

    private final EventStore eventStore;
    private final GlobalStream globalStream;
    private final RecordedEvents recordedEvents;

    AuditedEvents(EventStore eventStore, GlobalStream globalStream, RecordedEvents recordedEvents) {
        this.eventStore = eventStore;
        this.globalStream = globalStream;
        this.recordedEvents = recordedEvents;
    }

    /** One application's events in order (a few dozen at most); 404 when the store holds none. */
    List<DomainEventMessage<?>> ofApplication(ApplicationId id) {
        List<DomainEventMessage<?>> events = eventStore.readEvents(id.value(), 0).asStream()
                .filter(event -> APPLICATION_AGGREGATE.equals(event.getType()))
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
        if (events.isEmpty()) {
            throw new NotFoundException("No events of application " + id);
        }
        return events;
    }

    /** The first event of an aggregate, whatever its type. */
    Optional<DomainEventMessage<?>> first(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().findFirst().map(event -> event);
    }

    GlobalStream globalStream() {
        return globalStream;
    }

    RecordedEvent recorded(EventMessage<?> event) {
        return recordedEvents.of(event);
    }
}
