package id.mpp.tracker.query.application;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.TrackingNumber;
import id.mpp.tracker.application.query.*;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.access.Actor;
import id.mpp.tracker.platform.web.Paging;
import id.mpp.tracker.platform.security.CurrentActor;
import id.mpp.tracker.platform.web.RequestIdFilter;
import id.mpp.tracker.query.privacy.PersonalDataAccessLog;
import jakarta.servlet.http.HttpServletRequest;
import id.mpp.tracker.platform.web.NotFoundException;
import id.mpp.tracker.platform.web.NotYetConsistentException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The query API: one application, lists of applications, and the citizen's tracking view. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Application queries")
public class ApplicationQueryController {

    static final int MAX_PAGE_SIZE = 100;

    private final QueryGateway queries;
    private final PersonalDataAccessLog accessLog;
    private final Duration readYourWriteTimeout;

    ApplicationQueryController(QueryGateway queries, PersonalDataAccessLog accessLog,
                               @Value("${mpp.queries.read-your-write-timeout:5s}") Duration readYourWriteTimeout) {
        this.queries = queries;
        this.accessLog = accessLog;
        this.readYourWriteTimeout = readYourWriteTimeout;
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "The full status view of one application",
            description = "With minVersion, answers once the read model has reached that version, or 503 after a bounded wait.")
    public ResponseEntity<ApplicationView> application(@PathVariable String id, @RequestParam(required = false) Long minVersion,
                                                       @RequestHeader(value = "X-Purpose", required = false) String purpose,
                                                       HttpServletRequest request) {
        var query = new FindApplication(ApplicationId.parse(id));
        ApplicationView view = minVersion == null
                ? queries.query(query, ResponseTypes.optionalInstanceOf(ApplicationView.class)).join()
                .orElseThrow(() -> new NotFoundException("No application with id " + id))
                : awaitVersion(query, minVersion);
        Actor reader = CurrentActor.required();
        ReadScope.checkView(reader, view);
        if (!view.applicant().erased()) {
            accessLog.record(reader, view.applicant().dataSubjectId(), view.applicationId(), PersonalDataAccessLog.purposeOf(purpose),
                    RequestIdFilter.requestIdOf(request));
        }
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/applications")
    @Operation(summary = "Applications matching the filters, newest first, one page at a time; "
            + "overdue=true keeps the open applications past their due date")
    public ApplicationPage applications(@RequestParam(required = false) String mppCode,
                                        @RequestParam(required = false) String agencyCode,
                                        @RequestParam(required = false) String serviceCode,
                                        @RequestParam(required = false) ApplicationStatus status,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant submittedFrom,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant submittedTo,
                                        @RequestParam(defaultValue = "false") boolean overdue,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        var query = new ListApplications(code(mppCode, MppCode::of), code(agencyCode, AgencyCode::of),
                code(serviceCode, ServiceCode::of), status, submittedFrom, submittedTo, overdue, page, size);
        return queries.query(ReadScope.restrict(CurrentActor.required(), query), ApplicationPage.class).join();
    }

    @GetMapping("/track/{trackingNumber}")
    @Operation(summary = "Where a citizen's application is, by tracking number; no personal data")
    public TrackingView track(@PathVariable String trackingNumber) {
        var number = TrackingNumber.parse(trackingNumber);
        return queries.query(new TrackApplication(number), ResponseTypes.optionalInstanceOf(TrackingView.class)).join()
                .orElseThrow(() -> new NotFoundException("No application with tracking number " + number.display()));
    }

    private ApplicationView awaitVersion(FindApplication query, long minVersion) {
        var subscription = queries.subscriptionQuery(query,
                ResponseTypes.optionalInstanceOf(ApplicationView.class), ResponseTypes.instanceOf(ApplicationView.class));
        try {
            return subscription.initialResult().flatMap(Mono::justOrEmpty)
                    .concatWith(subscription.updates())
                    .filter(view -> view.version() >= minVersion)
                    .next()
                    .timeout(readYourWriteTimeout, Mono.empty())
                    .blockOptional()
                    .orElseThrow(() -> new NotYetConsistentException("The read model has not reached version "
                            + minVersion + " of application " + query.applicationId() + " yet", Duration.ofSeconds(1)));
        } finally {
            subscription.close();
        }
    }

    private static <C> C code(String value, Function<String, C> parse) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::strip).map(parse).orElse(null);
    }
}
