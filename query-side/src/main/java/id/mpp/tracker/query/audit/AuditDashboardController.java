package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.dashboard.FindDashboardAsOf;
import id.mpp.tracker.query.audit.PointInTime.DashboardAsOf;
import org.axonframework.queryhandling.QueryGateway;
import id.mpp.tracker.query.audit.ReplayJobs.ReplayJob;
import id.mpp.tracker.query.dashboard.DashboardRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * For auditors: an MPP's or an agency's dashboard as it stood at the end of a past day, rebuilt from the event store
 * alone into a read model of its own (the live dashboards may since have been corrected, rebuilt or lost).
 */
@RestController
@RequestMapping("/api/v1/audit/dashboards")
@Tag(name = "Audit")
class AuditDashboardController {

    private static final ZoneId EASTERNMOST = ZoneId.of("Asia/Jayapura");

    private final PointInTime pointInTime;
    private final DashboardRequests requests;
    private final ReplayJobs jobs;
    private final QueryGateway queries;
    private final Clock clock;

    AuditDashboardController(PointInTime pointInTime, DashboardRequests requests, ReplayJobs jobs, QueryGateway queries,
                             Clock clock) {
        this.pointInTime = pointInTime;
        this.queries = queries;
        this.requests = requests;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping("/mpps/{mppCode}")
    @Operation(summary = "An MPP's dashboard (or one agency's within it) as it stood at the end of 'day', over the "
            + "days 'from'–'day' (30 by default): from the dashboards' documents per day, or with 'source=events' "
            + "rebuilt by replaying the MPP's events, the proof, which takes longer for a longer history "
            + "(ask with 'Prefer: respond-async' to collect it later)")
    ResponseEntity<?> mpp(@PathVariable String mppCode, @RequestParam(required = false) String agencyCode,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(defaultValue = DashboardAsOf.FROM_READ_MODEL) String source,
                          @RequestHeader(value = "Prefer", required = false) String prefer) {
        return asOf(requests.mpp(mppCode, agencyCode), from, day, source, prefer);
    }

    @GetMapping("/agencies/{agencyCode}")
    @Operation(summary = "An agency's dashboard over every MPP as it stood at the end of 'day' (western Indonesian time "
            + "when replayed with 'source=events'; each MPP's local day from the dashboards' documents)")
    ResponseEntity<?> agency(@PathVariable String agencyCode,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(defaultValue = DashboardAsOf.FROM_READ_MODEL) String source,
                             @RequestHeader(value = "Prefer", required = false) String prefer) {
        return asOf(requests.agency(agencyCode), from, day, source, prefer);
    }

    @GetMapping("/replays/{id}")
    @Operation(summary = "A dashboard replay asked for with 'Prefer: respond-async': queued, running, done with the "
            + "dashboard as of the day, or failed")
    ReplayJob replay(@PathVariable String id) {
        return jobs.find(id);
    }

    /**
     * Answers at once, or with {@code Prefer: respond-async} (RFC 7240) 202 and where to collect the result: a
     * national agency's history takes long to replay.
     */
    private ResponseEntity<?> asOf(DashboardScope scope, LocalDate from, LocalDate day, String source, String prefer) {
        if (!source.equals(DashboardAsOf.FROM_READ_MODEL) && !source.equals(DashboardAsOf.FROM_EVENTS)) {
            throw new InvalidValueException("source", "is " + DashboardAsOf.FROM_READ_MODEL + " (the default) or "
                    + DashboardAsOf.FROM_EVENTS);
        }
        // today counts up to now: it is already today in the east (WIT) while it may still be yesterday in the west
        if (day.isAfter(LocalDate.ofInstant(clock.instant(), EASTERNMOST))) {
            throw new InvalidValueException("day", "must not be in the future");
        }
        FindDashboard query = requests.find(scope, from, day);
        if (source.equals(DashboardAsOf.FROM_READ_MODEL)) {
            // a handful of documents: answered at once, whatever is preferred
            DashboardView view = queries.query(new FindDashboardAsOf(query), DashboardView.class).join();
            return ResponseEntity.ok(new DashboardAsOf(pointInTime.endOf(query), DashboardAsOf.FROM_READ_MODEL, null, null, view));
        }
        if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            return ResponseEntity.ok(pointInTime.dashboard(query));
        }
        ReplayJob job = jobs.start("dashboard " + scope.key() + " as of the end of " + day + " from " + query.from(),
                () -> pointInTime.dashboardWhenFree(query));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/audit/dashboards/replays/" + job.id()))
                .header("Preference-Applied", "respond-async")
                .body(job);
    }
}
