package id.mpp.tracker.command.audit.chain;

import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.audit.RecordedEvent;
import id.mpp.tracker.platform.audit.RecordedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;

import javax.annotation.Nonnull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Gives every event, as it is stored, the hash of its recorded form chained to the hash of the previous event of the
 * same aggregate, so that changing, removing or reordering a stored event shows. Runs when a unit of work commits,
 * over all of its events at once; the previous hash of an aggregate's first event in the batch comes from the store.
 */
class EventChaining implements MessageDispatchInterceptor<EventMessage<?>> {

    private final RecordedEvents recordedEvents;
    private final EventStore eventStore;

    EventChaining(RecordedEvents recordedEvents, EventStore eventStore) {
        this.recordedEvents = recordedEvents;
        this.eventStore = eventStore;
    }

    @Nonnull
    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(@Nonnull List<? extends EventMessage<?>> events) {
        Map<String, String> lastHashes = new HashMap<>();
        return (index, event) -> {
            String previousHash = event instanceof DomainEventMessage<?> domainEvent
                    ? lastHashes.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> storedHashBefore(domainEvent))
                    : EventHashes.GENESIS;
            String hash = EventHashes.hash(recordedEvents.unhashed(event, previousHash));
            if (event instanceof DomainEventMessage<?> domainEvent) {
                lastHashes.put(domainEvent.getAggregateIdentifier(), hash);
            }
            return event.andMetaData(Map.of(EventHashes.PREVIOUS_HASH_KEY, previousHash, EventHashes.HASH_KEY, hash));
        };
    }

    private String storedHashBefore(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return EventHashes.GENESIS;
        }
        return eventStore.readEvents(event.getAggregateIdentifier(), event.getSequenceNumber() - 1).asStream()
                .findFirst()
                .map(recordedEvents::of)
                .map(previous -> previous.hash() != null ? previous.hash() : EventHashes.hash(previous))
                .orElseThrow(() -> new IllegalStateException("Event " + (event.getSequenceNumber() - 1) + " of "
                        + event.getAggregateIdentifier() + " is not in the event store"));
    }
}
