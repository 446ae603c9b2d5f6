package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.platform.audit.RecordedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.Map;

/**
 * Turns one decided event into the message the event store keeps, exactly as the command side's chaining does it
 * when a unit of work commits: the hash of the event's recorded form (the event serializer's JSON, chained to the
 * previous hash of the same aggregate) goes into its metadata with that previous hash; then it takes the next
 * position of the global stream, which the anchors roll up.
 */
final class EventWriter {

    private final RecordedEvents recordedEvents;
    private final Serializer serializer;
    private final SeedIds ids;
    private final EventBatches batches;
    private Anchoring anchoring;
    private long events;

    /** @param serializer the event serializer, the one the storage engine writes with */
    EventWriter(RecordedEvents recordedEvents, Serializer serializer, SeedIds ids, EventBatches batches) {
        this.recordedEvents = recordedEvents;
        this.serializer = serializer;
        this.ids = ids;
        this.batches = batches;
    }

    void anchoredBy(Anchoring anchoring) {
        this.anchoring = anchoring;
    }

    /** Appends the next event of the aggregate; every event of one act shares its metadata and moment. */
    void write(Chain chain, Object payload, MetaData metaData, Instant at) {
        Message<?> message = new GenericMessage<>(ids.next(), payload, metaData);
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(chain.aggregateType, chain.aggregateId,
                chain.nextSequence(), message, at);
        // the stored form first, so that hashing reads the payload from the same bytes the store gets
        event.serializePayload(serializer, byte[].class);
        String previousHash = chain.lastHash();
        String hash = EventHashes.hash(recordedEvents.unhashed(event, previousHash));
        chain.appended(hash);
        var stored = new GenericDomainEventMessage<>(chain.aggregateType, chain.aggregateId, event.getSequenceNumber(),
                new HashedMessage<>(message, metaData.mergedWith(
                        Map.of(EventHashes.PREVIOUS_HASH_KEY, previousHash, EventHashes.HASH_KEY, hash))), at);
        long position = batches.append(stored);
        anchoring.stored(position, hash, at);
        events++;
    }

    long events() {
        return events;
    }
}
