package id.mpp.tracker.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.audit.RecordedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/** Turns Axon's event messages into the form their hashes are taken over, with the event serializer's JSON. */
public final class RecordedEvents {

    private final Serializer eventSerializer;

    public RecordedEvents(Serializer eventSerializer) {
        this.eventSerializer = eventSerializer;
    }

    /** The event as it stands, with the hashes its metadata carries. */
    public RecordedEvent of(EventMessage<?> event) {
        return of(event, stored(event, EventHashes.PREVIOUS_HASH_KEY), stored(event, EventHashes.HASH_KEY));
    }

    /** The event about to be stored, chained to the given previous hash and not hashed yet. */
    public RecordedEvent unhashed(EventMessage<?> event, String previousHash) {
        return of(event, previousHash, null);
    }

    private RecordedEvent of(EventMessage<?> event, String previousHash, String hash) {
        SerializedType type = eventSerializer.typeForClass(event.getPayloadType());
        JsonNode payload = event.serializePayload(eventSerializer, JsonNode.class).getData();
        ObjectNode metadata = (ObjectNode) eventSerializer.serialize(event.getMetaData(), JsonNode.class).getData();
        String aggregateType = null;
        String aggregateId = null;
        long sequenceNumber = -1;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequenceNumber = domainEvent.getSequenceNumber();
        }
        return new RecordedEvent(aggregateType, aggregateId, sequenceNumber, event.getIdentifier(),
                RecordedEvent.timestampOf(event.getTimestamp()), type.getName(), type.getRevision(), payload, metadata,
                previousHash, hash);
    }

    private static String stored(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
