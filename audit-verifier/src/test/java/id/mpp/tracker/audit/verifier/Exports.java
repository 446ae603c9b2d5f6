package id.mpp.tracker.audit.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.audit.RecordedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds exports as the server writes them: chained, hashed events between a header and an end line. */
final class Exports {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2025-03-03T01:00:00.123456Z");

    private Exports() {
    }

    /** {@code count} events of one aggregate from sequence number {@code from}, each chained to the one before. */
    static List<RecordedEvent> history(String aggregateId, long from, int count) {
        List<RecordedEvent> events = new ArrayList<>();
        String previousHash = from == 0 ? EventHashes.GENESIS : "ab".repeat(32);
        for (long sequenceNumber = from; sequenceNumber < from + count; sequenceNumber++) {
            RecordedEvent event = event(aggregateId, sequenceNumber, previousHash, "sealed-" + aggregateId + "-" + sequenceNumber);
            events.add(event);
            previousHash = event.hash();
        }
        return events;
    }

    static RecordedEvent event(String aggregateId, long sequenceNumber, String previousHash, String ciphertext) {
        ObjectNode payload = JSON.createObjectNode().put("applicationId", aggregateId).put("serviceCode", "KTP-BARU");
        payload.putObject("applicant").put("keyId", "k-2025").put("ciphertext", ciphertext);
        ObjectNode metadata = JSON.createObjectNode().put("correlationId", "c-" + aggregateId).put("officer", "op-7");
        RecordedEvent event = new RecordedEvent("Application", aggregateId, sequenceNumber,
                aggregateId + "-event-" + sequenceNumber, RecordedEvent.timestampOf(START.plusSeconds(60 * sequenceNumber)),
                "id.mpp.tracker.application.ApplicationProgressed", null, payload, metadata, previousHash, null);
        return event.withHash(EventHashes.hash(event));
    }

    /** The same event with the payload changed by {@code change}, its hash left as it was. */
    static RecordedEvent altered(RecordedEvent event, Consumer<ObjectNode> change) {
        ObjectNode payload = event.payload().deepCopy();
        change.accept(payload);
        return new RecordedEvent(event.aggregateType(), event.aggregateId(), event.sequenceNumber(), event.eventId(),
                event.timestamp(), event.payloadType(), event.payloadRevision(), payload, event.metadata(),
                event.previousHash(), event.hash());
    }

    static String line(RecordedEvent event) {
        return write(event.toJson());
    }

    static String line(RecordedEvent event, long position) {
        return write(event.toJson().put("position", position));
    }

    static List<String> lines(List<RecordedEvent> events) {
        return events.stream().map(Exports::line).toList();
    }

    static String header(String scope, boolean wholeHistories) {
        ObjectNode header = JSON.createObjectNode();
        header.putObject("export").put("format", "mpp-tracker-audit-export/1").put("scope", scope)
                .put("wholeHistories", wholeHistories).put("exportedAt", "2025-03-04T08:00:00Z")
                .put(scope.equals("mpp") ? "mppCode" : "applicationId", scope.equals("mpp") ? "MPP-JKT-01" : "APP-1");
        return write(header);
    }

    static String end(long events) {
        ObjectNode end = JSON.createObjectNode();
        end.putObject("exportEnd").put("events", events);
        return write(end);
    }

    /** An application export: whole histories, no positions, closed with the right count. */
    static Path applicationExport(Path dir, List<String> eventLines) {
        return export(dir, "application", true, eventLines);
    }

    /** An MPP export: a stretch of the stream, closed with the right count. */
    static Path mppExport(Path dir, List<String> eventLines) {
        return export(dir, "mpp", false, eventLines);
    }

    static Path export(Path dir, String scope, boolean wholeHistories, List<String> eventLines) {
        List<String> lines = new ArrayList<>();
        lines.add(header(scope, wholeHistories));
        lines.addAll(eventLines);
        lines.add(end(eventLines.size()));
        return file(dir, lines);
    }

    static Path file(Path dir, List<String> lines) {
        try {
            return Files.write(Files.createTempFile(dir, "export", ".jsonl"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
