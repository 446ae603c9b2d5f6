package id.mpp.tracker.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.audit.RecordedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes an export as JSON Lines: a header naming what was exported, one line per event in the form its hash was
 * taken over (with its stream position when known), and a closing line with the count, so a cut download shows.
 */
class AuditExport {

    static final String FORMAT = "mpp-tracker-audit-export/1";

    private final ObjectMapper json;
    private final OutputStream out;
    private long events;

    AuditExport(ObjectMapper json, OutputStream out) {
        this.json = json;
        this.out = out;
    }

    AuditExport header(String scope, boolean wholeHistories, Instant exportedAt, ObjectNode details) {
        ObjectNode header = json.createObjectNode();
        header.putObject("export")
                .put("format", FORMAT)
                .put("scope", scope)
                .put("wholeHistories", wholeHistories)
                .put("exportedAt", exportedAt.toString())
                .setAll(details);
        return line(header);
    }

    AuditExport event(RecordedEvent event, Long position) {
        ObjectNode line = event.toJson();
        if (position != null) {
            line.put("position", position);
        }
        events++;
        return line(line);
    }

    /** A stored event that cannot be read any more: named, so that the verifier counts it as a break. */
    AuditExport unreadable(EventMessage<?> event, Long position) {
        ObjectNode line = json.createObjectNode();
        ObjectNode unreadable = line.putObject("unreadableEvent").put("eventId", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domainEvent) {
            unreadable.put("aggregateId", domainEvent.getAggregateIdentifier())
                    .put("sequenceNumber", domainEvent.getSequenceNumber());
        }
        if (position != null) {
            unreadable.put("position", position);
        }
        events++;
        return line(line);
    }

    void end() {
        ObjectNode end = json.createObjectNode();
        end.putObject("exportEnd").put("events", events);
        line(end);
        flush();
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AuditExport line(ObjectNode node) {
        try {
            out.write(json.writeValueAsBytes(node));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
