package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.InvalidValueException;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.query.audit.PointInTime.DashboardAsOf;
import id.mpp.tracker.query.dashboard.DashboardRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

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
    private final Clock clock;

    AuditDashboardController(PointInTime pointInTime, DashboardRequests requests, Clock clock) {
        this.pointInTime = pointInTime;
        this.requests = requests;
        this.clock = clock;
    }

    @GetMapping("/mpps/{mppCode}")
    @Operation(summary = "An MPP's dashboard (or one agency's within it) as it stood at the end of 'day', over the "
            + "days 'from'–'day' (30 by default); replays the MPP's events, so it takes longer for a longer history")
    DashboardAsOf mpp(@PathVariable String mppCode, @RequestParam(required = false) String agencyCode,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return asOf(requests.mpp(mppCode, agencyCode), from, day);
    }

    @GetMapping("/agencies/{agencyCode}")
    @Operation(summary = "An agency's dashboard over every MPP as it stood at the end of 'day' (western Indonesian time)")
    DashboardAsOf agency(@PathVariable String agencyCode,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return asOf(requests.agency(agencyCode), from, day);
    }

    private DashboardAsOf asOf(DashboardScope scope, LocalDate from, LocalDate day) {
        // today counts up to now: it is already today in the east (WIT) while it may still be yesterday in the west
        if (day.isAfter(LocalDate.ofInstant(clock.instant(), EASTERNMOST))) {
            throw new InvalidValueException("day", "must not be in the future");
        }
        return pointInTime.dashboard(requests.find(scope, from, day));
    }
}
