package id.mpp.tracker.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.platform.audit.GlobalStream;
import id.mpp.tracker.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * For auditors: events with their hashes as JSON Lines, streamed as they are read, to be checked offline with the
 * export verifier. Large exports resume after the last position received.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class ExportController {

    private static final int FLUSH_EVERY = 500;
    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final AuditedEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    ExportController(AuditedEvents events, ObjectMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(value = "/applications/{id}/export", produces = MediaType.APPLICATION_NDJSON_VALUE)
    @Operation(summary = "One application's whole history with its hashes, as JSON Lines")
    ResponseEntity<StreamingResponseBody> application(@PathVariable String id) {
        ApplicationId applicationId = ApplicationId.parse(id);
        List<DomainEventMessage<?>> history = events.ofApplication(applicationId);
        log.info("Export of application {} for {}", applicationId, CurrentActor.required().id());
        return attachment("application-" + applicationId.value() + ".jsonl", out -> {
            AuditExport export = new AuditExport(json, out).header("application", true, clock.instant(),
                    json.createObjectNode().put("applicationId", applicationId.value()));
            history.forEach(event -> write(export, event, null));
            export.end();
        });
    }

    @GetMapping(value = "/mpps/{mpp}/export", produces = MediaType.APPLICATION_NDJSON_VALUE)
    @Operation(summary = "Every application event of one MPP stored from 'from' to 'to', with hashes and stream "
            + "positions, as JSON Lines; 'after' resumes after the last position received")
    ResponseEntity<StreamingResponseBody> mpp(@PathVariable String mpp,
                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                              @RequestParam(required = false) Long after) {
        // an MPP withdrawn from the catalogue since keeps its history: any well-formed code may be asked for
        MppCode mppCode = MppCode.of(mpp);
        if (from.isAfter(to)) {
            throw new InvalidValueException("from", "must not be after to (" + to + ")");
        }
        if (after != null && after < 0) {
            throw new InvalidValueException("after", "must be a stream position, 0 or more");
        }
        log.info("Export of MPP {} from {} to {} (after position {}) for {}", mppCode, from, to, after,
                CurrentActor.required().id());
        GlobalStream stream = events.globalStream();
        TrackingToken start = after != null ? stream.after(after) : stream.at(from.toInstant());
        Instant first = from.toInstant();
        Instant last = to.toInstant();
        return attachment("mpp-" + mppCode.value() + "-" + from.toLocalDate() + "-" + to.toLocalDate() + ".jsonl", out -> {
            ObjectNode details = json.createObjectNode().put("mppCode", mppCode.value()).put("from", first.toString())
                    .put("to", last.toString());
            if (after != null) {
                details.put("afterPosition", after);
            }
            AuditExport export = new AuditExport(json, out).header("mpp", false, clock.instant(), details);
            MppMembership membership = new MppMembership(events);
            long written = 0;
            try (Stream<TrackedEventMessage<?>> read = stream.readUntil(start, last)) {
                Iterator<TrackedEventMessage<?>> iterator = read.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    boolean inPeriod = !event.getTimestamp().isBefore(first) && !event.getTimestamp().isAfter(last);
                    if (inPeriod && event instanceof DomainEventMessage<?> domainEvent
                            && membership.belongsTo(mppCode, domainEvent)) {
                        write(export, event, GlobalStream.positionOf(event));
                        if (++written % FLUSH_EVERY == 0) {
                            export.flush();
                        }
                    }
                }
            }
            export.end();
        });
    }

    private void write(AuditExport export, EventMessage<?> event, Long position) {
        try {
            export.event(events.recorded(event), position);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException unreadable) {
            export.unreadable(event, position);
        }
    }

    private static ResponseEntity<StreamingResponseBody> attachment(String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(MediaType.APPLICATION_NDJSON)
                .body(body);
    }
}
