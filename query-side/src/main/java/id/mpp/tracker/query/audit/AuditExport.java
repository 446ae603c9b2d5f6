package id.mpp.tracker.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.audit.ExportFormat;
import id.mpp.tracker.audit.RecordedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Writes an export in the {@link ExportFormat}, line by line as the events are read. */
class AuditExport {

    private final ObjectMapper json;
    private final OutputStream out;
    private long events;

    AuditExport(ObjectMapper json, OutputStream out) {
        this.json = json;
        this.out = out;
    }

    AuditExport header(String scope, boolean wholeHistories, Instant exportedAt, ObjectNode details) {
        ObjectNode header = json.createObjectNode();
        header.putObject(ExportFormat.HEADER)
                .put("format", ExportFormat.FORMAT)
                .put("scope", scope)
                .put("wholeHistories", wholeHistories)
                .put("exportedAt", exportedAt.toString())
                .setAll(details);
        return line(header);
    }

    AuditExport event(RecordedEvent event, Long position) {
        ObjectNode line = event.toJson();
        if (position != null) {
            line.put(ExportFormat.POSITION, position);
        }
        events++;
        return line(line);
    }

    /** A stored event that cannot be read any more: named, so that the verifier counts it as a break. */
    AuditExport unreadable(EventMessage<?> event, Long position) {
        ObjectNode line = json.createObjectNode();
        ObjectNode unreadable = line.putObject(ExportFormat.UNREADABLE).put("eventId", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domainEvent) {
            unreadable.put("aggregateId", domainEvent.getAggregateIdentifier())
                    .put("sequenceNumber", domainEvent.getSequenceNumber());
        }
        if (position != null) {
            unreadable.put(ExportFormat.POSITION, position);
        }
        events++;
        return line(line);
    }

    void end() {
        ObjectNode end = json.createObjectNode();
        end.putObject(ExportFormat.END).put("events", events);
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
