package id.mpp.tracker.command.audit.chain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.platform.audit.RecordedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import javax.annotation.Nonnull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Gives every event, as it is stored, the hash of its recorded form chained to the hash of the previous event of the
 * same aggregate, so that changing, removing or reordering a stored event shows. Runs when a unit of work commits,
 * over all of its events at once. The previous hash of an aggregate's first event in the batch is the one this
 * instance committed last for that aggregate, if that was the event just before; otherwise it is read from the
 * store. (A stored event never changes, so a remembered hash of a committed event is never stale: it is only used
 * for the sequence number it was stored at.)
 */
class EventChaining implements MessageDispatchInterceptor<EventMessage<?>> {

    /** The applications whose next command is likely soon: those with events in the last minutes or so. */
    private static final long REMEMBERED_AGGREGATES = 100_000;

    private final RecordedEvents recordedEvents;
    private final EventStore eventStore;
    private final Cache<String, Link> lastCommitted = Caffeine.newBuilder().maximumSize(REMEMBERED_AGGREGATES).build();

    EventChaining(RecordedEvents recordedEvents, EventStore eventStore) {
        this.recordedEvents = recordedEvents;
        this.eventStore = eventStore;
    }

    /** An aggregate's event by its sequence number and its hash. */
    private record Link(long sequence, String hash) {
    }

    @Nonnull
    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(@Nonnull List<? extends EventMessage<?>> events) {
        Map<String, Link> lastLinks = new HashMap<>();
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> lastCommitted.putAll(lastLinks)));
        return (index, event) -> {
            String previousHash = event instanceof DomainEventMessage<?> domainEvent
                    ? previousHash(domainEvent, lastLinks.get(domainEvent.getAggregateIdentifier()))
                    : EventHashes.GENESIS;
            String hash = EventHashes.hash(recordedEvents.unhashed(event, previousHash));
            if (event instanceof DomainEventMessage<?> domainEvent) {
                lastLinks.put(domainEvent.getAggregateIdentifier(), new Link(domainEvent.getSequenceNumber(), hash));
            }
            return event.andMetaData(Map.of(EventHashes.PREVIOUS_HASH_KEY, previousHash, EventHashes.HASH_KEY, hash));
        };
    }

    private String previousHash(DomainEventMessage<?> event, Link inThisBatch) {
        if (inThisBatch != null) {
            return inThisBatch.hash();
        }
        if (event.getSequenceNumber() == 0) {
            return EventHashes.GENESIS;
        }
        Link committed = lastCommitted.getIfPresent(event.getAggregateIdentifier());
        if (committed != null && committed.sequence() == event.getSequenceNumber() - 1) {
            return committed.hash();
        }
        return storedHashBefore(event);
    }

    private String storedHashBefore(DomainEventMessage<?> event) {
        return eventStore.readEvents(event.getAggregateIdentifier(), event.getSequenceNumber() - 1).asStream()
                .findFirst()
                .map(recordedEvents::of)
                .map(previous -> previous.hash() != null ? previous.hash() : EventHashes.hash(previous))
                .orElseThrow(() -> new IllegalStateException("Event " + (event.getSequenceNumber() - 1) + " of "
                        + event.getAggregateIdentifier() + " is not in the event store"));
    }
}
