package id.mpp.tracker.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One event as the event store keeps it, in the form its hash is taken over: where it stands in its aggregate's
 * history, its serialized payload (personal data only in the sealed, encrypted form, so an erasure changes nothing
 * here), its metadata without the hashes, and the hash of the event before it. The same form is written to exports,
 * so an export can be checked without the system.
 *
 * @param hash the hash the event carries, or {@code null} for an event recorded without one
 */
public record RecordedEvent(String aggregateType, String aggregateId, long sequenceNumber, String eventId,
                            String timestamp, String payloadType, String payloadRevision, JsonNode payload,
                            ObjectNode metadata, String previousHash, String hash) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payloadType, "payloadType");
        payload = payload == null ? NODES.nullNode() : payload;
        metadata = metadata == null ? NODES.objectNode() : metadata.deepCopy();
        metadata.remove(EventHashes.HASH_KEY);
        metadata.remove(EventHashes.PREVIOUS_HASH_KEY);
    }

    /** Event stores keep times to the millisecond: the recorded time is the event's time at that precision. */
    public static String timestampOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    public RecordedEvent withHash(String newHash) {
        return new RecordedEvent(aggregateType, aggregateId, sequenceNumber, eventId, timestamp, payloadType,
                payloadRevision, payload, metadata, previousHash, newHash);
    }

    /** The fields the hash covers: everything but the hash itself. */
    public ObjectNode content() {
        ObjectNode content = NODES.objectNode();
        content.put("aggregateType", aggregateType);
        content.put("aggregateId", aggregateId);
        content.put("sequenceNumber", sequenceNumber);
        content.put("eventId", eventId);
        content.put("timestamp", timestamp);
        content.put("payloadType", payloadType);
        content.put("payloadRevision", payloadRevision);
        content.set("payload", payload);
        content.set("metadata", metadata);
        content.put("previousHash", previousHash);
        return content;
    }

    public ObjectNode toJson() {
        return content().put("hash", hash);
    }

    public static RecordedEvent fromJson(JsonNode json) {
        return new RecordedEvent(text(json, "aggregateType"), text(json, "aggregateId"),
                json.path("sequenceNumber").asLong(-1), text(json, "eventId"), text(json, "timestamp"),
                text(json, "payloadType"), text(json, "payloadRevision"), json.get("payload"),
                json.get("metadata") instanceof ObjectNode metadata ? metadata : null,
                text(json, "previousHash"), text(json, "hash"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
