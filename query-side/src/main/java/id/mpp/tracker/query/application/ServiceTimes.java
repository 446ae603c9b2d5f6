package id.mpp.tracker.query.application;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.query.ServiceTimeView;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.ServiceClock;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads an application's service clock now: days left or overdue, in the MPP's time zone and working days. The
 * projection stores the facts (due date, pause, breach, lateness); what they mean today is worked out when asked.
 */
@Component
class ServiceTimes {

    private static final List<ApplicationStatus> CLOCK_STARTED_AND_OPEN = List.of(
            ApplicationStatus.ROUTED, ApplicationStatus.IN_PROCESS, ApplicationStatus.AWAITING_DOCUMENTS);

    private final ServiceClock serviceClock;
    private final Clock clock;

    ServiceTimes(ServiceClock serviceClock, Clock clock) {
        this.serviceClock = serviceClock;
        this.clock = clock;
    }

    ServiceTimeView of(ApplicationDocument document) {
        ApplicationDocument.ServiceTime time = document.serviceTime;
        if (time == null) {
            return null;
        }
        DueDate due = time.due();
        Instant now = clock.instant();
        boolean open = !document.status.closed();
        boolean paused = time.pausedAt != null;
        boolean breached = time.breachedAt != null;
        Integer remaining = open ? serviceClock.daysRemaining(due, paused ? time.pausedAt : now, time.unit) : null;
        boolean overdue = open && (breached || (!paused && due.isOverdueAt(now)));
        return new ServiceTimeView(time.standardDays, time.unit, time.deemedApproval, due.lastDay(),
                due.dueAtLocal().toOffsetDateTime(), time.zone, time.calendarCertain, remaining, overdue, paused,
                breached, time.daysLate);
    }

    /** Open applications past due now: breached, or with a running clock whose due date has passed. */
    Criteria overdue() {
        return new Criteria().andOperator(
                where("status").in(CLOCK_STARTED_AND_OPEN),
                new Criteria().orOperator(
                        where("serviceTime.breachedAt").ne(null),
                        new Criteria().andOperator(
                                where("serviceTime.pausedAt").is(null),
                                where("serviceTime.dueAt").lte(clock.instant()))));
    }
}
