package id.mpp.tracker.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.MetadataKeys;
import id.mpp.tracker.platform.web.Paging;
import id.mpp.tracker.platform.web.NotFoundException;
import id.mpp.tracker.application.query.ApplicationView;
import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.platform.security.CurrentActor;
import id.mpp.tracker.platform.web.ForbiddenException;
import id.mpp.tracker.platform.web.RequestIdFilter;
import id.mpp.tracker.query.privacy.PersonalDataAccessLog;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For auditors: what happened to one application, event by event, as the event store holds it, read-only. The
 * applicant appears only in the sealed form the event stores (the data subject's pseudonym and key id), never
 * opened and never the ciphertext.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditController {

    static final int MAX_PAGE_SIZE = 500;
    private static final List<String> METADATA = List.of(MetadataKeys.PRINCIPAL, MetadataKeys.ROLE,
            MetadataKeys.PRINCIPAL_MPP, MetadataKeys.PRINCIPAL_AGENCY, MetadataKeys.CHANNEL, MetadataKeys.REQUEST_ID,
            MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID);

    private final AuditedEvents events;
    private final PointInTime pointInTime;
    private final PersonalDataAccessLog accessLog;
    private final ObjectMapper json;

    AuditController(AuditedEvents events, PointInTime pointInTime, PersonalDataAccessLog accessLog,
                    ObjectMapper json) {
        this.events = events;
        this.pointInTime = pointInTime;
        this.accessLog = accessLog;
        this.json = json;
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "One application's status view as it stood at a moment, rebuilt from its events up to then",
            description = "404 when the application had no events yet at that moment. Reading the applicant is logged "
                    + "with the purpose stated in X-Purpose.")
    ApplicationView asOf(@PathVariable String id,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                @RequestHeader(value = "X-Purpose", required = false) String purpose,
                                HttpServletRequest request) {
        Actor reader = CurrentActor.required();
        if (!reader.is(Role.AUDITOR)) {
            // it shows the applicant, which administrators do not read in the live view either
            throw new ForbiddenException("Only auditors read an application as of a moment; " + reader.role() + " may not");
        }
        ApplicationView view = pointInTime.application(ApplicationId.parse(id), asOf.toInstant());
        if (!view.applicant().erased()) {
            accessLog.record(reader, view.applicant().dataSubjectId(), view.applicationId(),
                    PersonalDataAccessLog.purposeOf(purpose), RequestIdFilter.requestIdOf(request));
        }
        return view;
    }

    @GetMapping("/applications/{id}/events")
    @Operation(summary = "Every event of one application in order, with who acted, through which channel and the "
            + "request, correlation and causation ids; one page at a time")
    AuditHistory events(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "100") int size) {
        var applicationId = ApplicationId.parse(id);
        Paging.check(page, size, MAX_PAGE_SIZE);
        List<AuditEvent> history = events.ofApplication(applicationId).stream()
                .skip((long) page * size).limit(size)
                .map(this::audited).toList();
        return new AuditHistory(applicationId.value(), page, size, history);
    }

    private AuditEvent audited(DomainEventMessage<?> event) {
        JsonNode payload = json.valueToTree(event.getPayload());
        if (payload instanceof ObjectNode fields && fields.get("applicant") instanceof ObjectNode applicant) {
            applicant.remove("ciphertext");
            applicant.put("sealed", true);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        METADATA.forEach(key -> {
            if (event.getMetaData().containsKey(key)) {
                metadata.put(key, event.getMetaData().get(key));
            }
        });
        return new AuditEvent(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), payload, metadata);
    }

    record AuditHistory(String applicationId, int page, int size, List<AuditEvent> events) {
    }

    /** One stored event: its place in the application's history, its type and time, what it says and who caused it. */
    record AuditEvent(long sequenceNumber, String eventId, String type, Instant timestamp, JsonNode payload,
                             Map<String, Object> metadata) {
    }
}
