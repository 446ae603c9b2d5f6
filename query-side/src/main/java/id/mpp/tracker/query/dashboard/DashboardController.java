package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.dashboard.DashboardChanged;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.platform.security.CurrentActor;
import id.mpp.tracker.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Dashboards of the whole country, of an MPP (optionally one agency within it) and of an agency, for a period of
 * days ({@code from}–{@code to}, both included; the last 30 days by default), as JSON or as a live stream.
 */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards")
public class DashboardController {

    private static final Duration LIVE_UPDATE_EVERY = Duration.ofMillis(500);
    private static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(15);
    private static final Duration STREAM_LIFETIME = Duration.ofHours(1);

    private final QueryGateway queries;
    private final DashboardRequests requests;

    DashboardController(QueryGateway queries, DashboardRequests requests) {
        this.queries = queries;
        this.requests = requests;
    }

    @GetMapping("/national")
    @Operation(summary = "The national dashboard, with the week's busiest and quietest MPPs")
    public DashboardView national(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard(find(DashboardScope.NATIONAL, from, to));
    }

    @GetMapping("/mpps/{mppCode}")
    @Operation(summary = "An MPP's dashboard, or with agencyCode that of one agency within the MPP")
    public DashboardView mpp(@PathVariable String mppCode, @RequestParam(required = false) String agencyCode,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard(find(requests.mpp(mppCode, agencyCode), from, to));
    }

    @GetMapping("/agencies/{agencyCode}")
    @Operation(summary = "An agency's dashboard, over every MPP")
    public DashboardView agency(@PathVariable String agencyCode,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard(find(requests.agency(agencyCode), from, to));
    }

    @GetMapping(path = "/national/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The national dashboard as Server-Sent Events: now, then again whenever its figures change")
    public SseEmitter nationalStream(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return stream(find(DashboardScope.NATIONAL, from, to));
    }

    @GetMapping(path = "/mpps/{mppCode}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "An MPP's dashboard as Server-Sent Events")
    public SseEmitter mppStream(@PathVariable String mppCode, @RequestParam(required = false) String agencyCode,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return stream(find(requests.mpp(mppCode, agencyCode), from, to));
    }

    @GetMapping(path = "/agencies/{agencyCode}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "An agency's dashboard as Server-Sent Events")
    public SseEmitter agencyStream(@PathVariable String agencyCode,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return stream(find(requests.agency(agencyCode), from, to));
    }

    private DashboardView dashboard(FindDashboard query) {
        return queries.query(query, DashboardView.class).join();
    }

    /**
     * The dashboard now, then again after each change the projection announces through the subscription query
     * (at most every {@link #LIVE_UPDATE_EVERY}): no client polls the read model.
     */
    private SseEmitter stream(FindDashboard query) {
        var emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        var subscription = queries.subscriptionQuery(query, ResponseTypes.instanceOf(DashboardView.class),
                ResponseTypes.instanceOf(DashboardChanged.class));
        Flux<DashboardView> views = subscription.initialResult().flux()
                .concatWith(subscription.updates().sample(LIVE_UPDATE_EVERY)
                        .concatMap(changed -> Mono.fromFuture(queries.query(query, DashboardView.class))));
        Disposable.Composite running = Disposables.composite();
        running.add(views.subscribe(view -> send(emitter, SseEmitter.event().name("dashboard").data(view)),
                emitter::completeWithError));
        running.add(Flux.interval(KEEP_ALIVE_EVERY).subscribe(tick -> send(emitter, SseEmitter.event().comment("keep-alive"))));
        Runnable stop = () -> {
            running.dispose();
            subscription.cancel();
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // the client went away: completing runs the clean-up
            emitter.complete();
        }
    }

    private FindDashboard find(DashboardScope scope, LocalDate from, LocalDate to) {
        DashboardAccess.check(CurrentActor.required(), scope);
        return requests.find(scope, from, to);
    }
}
