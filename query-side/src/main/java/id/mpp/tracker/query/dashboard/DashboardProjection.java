package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.*;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.dashboard.DashboardChanged;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.dashboard.LeadTimeHistogram;
import id.mpp.tracker.sla.Timeliness;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static id.mpp.tracker.query.dashboard.DayCounter.*;

/**
 * Counts the applications' events into the dashboard documents: per day (in the MPP's local time), per scope
 * (national, MPP, agency, agency within MPP) and per service. Each event is counted once (see {@link DashboardStore});
 * the application's own document records it last, so an event interrupted halfway is counted again, harmlessly.
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
public class DashboardProjection {

    public static final String PROCESSING_GROUP = "dashboards";
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

    private final DashboardStore store;
    private final Catalogue catalogue;
    private final QueryUpdateEmitter updates;

    DashboardProjection(DashboardStore store, Catalogue catalogue, QueryUpdateEmitter updates) {
        this.store = store;
        this.catalogue = catalogue;
        this.updates = updates;
    }

    @EventHandler
    void on(ApplicationSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        DashboardBatch batch = store.batch();
        if (batch.application(event.applicationId()) != null) {
            return;
        }
        var application = new DashboardApplication();
        application.id = event.applicationId().value();
        application.mppCode = event.mppCode().value();
        application.agencyCode = event.agencyCode().value();
        application.serviceCode = event.serviceCode().value();
        application.channel = event.channel();
        application.status = ApplicationStatus.SUBMITTED;
        application.backlogDay = dayOf(application, at).toString();
        application.version = sequence;
        boolean online = event.channel() == Channel.ONLINE;
        batch.event(event.applicationId(), token)
                .day(scopes(application), application.serviceCode, dayOf(application, at),
                        once(SUBMITTED, online ? SUBMITTED_ONLINE : VISITS))
                .backlog(scopes(application), dayOf(application, at), ApplicationStatus.SUBMITTED, false, 1);
        batch.counted(application);
        finish(batch);
        announce(application);
    }

    @EventHandler
    void on(ApplicationReturnedForCorrection event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.RETURNED_FOR_CORRECTION, Map.of());
    }

    @EventHandler
    void on(ApplicationResubmitted event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.SUBMITTED, Map.of());
    }

    @EventHandler
    void on(ApplicationVerified event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, null, Map.of(), application -> application.verifiedAt = at);
    }

    @EventHandler
    void on(ApplicationRouted event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.ROUTED, Map.of(),
                application -> application.agencyCode = event.agencyCode().value());
    }

    @EventHandler
    void on(ApplicationRerouted event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.ROUTED, Map.of(),
                application -> application.agencyCode = event.toAgencyCode().value());
    }

    @EventHandler
    void on(ProcessingStarted event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.IN_PROCESS, Map.of());
    }

    @EventHandler
    void on(DocumentsRequested event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.AWAITING_DOCUMENTS, Map.of());
    }

    @EventHandler
    void on(DocumentsProvided event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.IN_PROCESS, Map.of());
    }

    @EventHandler
    void on(ApplicationCompleted event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        decide(event.applicationId(), sequence, at, token, ApplicationStatus.COMPLETED, COMPLETED, withinStandard(event.timeliness()));
    }

    @EventHandler
    void on(ApplicationRejected event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        decide(event.applicationId(), sequence, at, token, ApplicationStatus.REJECTED, REJECTED, withinStandard(event.timeliness()));
    }

    @EventHandler
    void on(ApplicationDeemedApproved event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        // approved by law because the agency did not decide in time: a decision, never one within the standard
        decide(event.applicationId(), sequence, at, token, ApplicationStatus.DEEMED_APPROVED, DEEMED_APPROVED, false);
    }

    @EventHandler
    void on(ApplicationWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.WITHDRAWN, once(WITHDRAWN));
    }

    @EventHandler
    void on(OutputCollected event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, ApplicationStatus.COLLECTED, once(COLLECTED, VISITS));
    }

    @EventHandler
    void on(ServiceStandardBreached event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, null, once(BREACHED), application -> application.breached = true);
    }

    @EventHandler
    void on(ServiceRated event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        count(event.applicationId(), sequence, at, token, null, Map.of(RATINGS.field, 1L, RATING_SUM.field, (long) event.score()));
    }

    @ResetHandler
    void reset() {
        store.drop();
    }

    private void decide(ApplicationId id, long sequence, Instant at, TrackingToken token, ApplicationStatus outcome,
                        DayCounter outcomeCounter, Boolean withinStandard) {
        count(id, sequence, at, token, outcome, application -> {
            Map<String, Long> counters = new LinkedHashMap<>(once(DECIDED, outcomeCounter));
            if (withinStandard != null) {
                counters.put(DECIDED_WITH_STANDARD.field, 1L);
                counters.put(DECIDED_WITHIN_STANDARD.field, withinStandard ? 1L : 0L);
            }
            if (application.verifiedAt != null) {
                counters.put(leadTimeField(LeadTimeHistogram.bucketOf(Duration.between(application.verifiedAt, at))), 1L);
            }
            return counters;
        }, application -> {
        });
    }

    /** Null when no service clock ran (nothing to be within). */
    private static Boolean withinStandard(Timeliness timeliness) {
        return timeliness == null ? null : !timeliness.late();
    }

    private void count(ApplicationId id, long sequence, Instant at, TrackingToken token, ApplicationStatus newStatus,
                       Map<String, Long> dayCounters) {
        count(id, sequence, at, token, newStatus, dayCounters, application -> {
        });
    }

    private void count(ApplicationId id, long sequence, Instant at, TrackingToken token, ApplicationStatus newStatus,
                       Map<String, Long> dayCounters, Consumer<DashboardApplication> change) {
        count(id, sequence, at, token, newStatus, application -> dayCounters, change);
    }

    /**
     * Moves the application in the backlog (from its scopes, status and overdueness before the event to those after
     * it) and adds the day's counters at the scopes after it, then records the event as counted.
     */
    private void count(ApplicationId id, long sequence, Instant at, TrackingToken token, ApplicationStatus newStatus,
                       Function<DashboardApplication, Map<String, Long>> dayCounters,
                       Consumer<DashboardApplication> change) {
        DashboardBatch batch = store.batch();
        DashboardApplication application = batch.application(id);
        if (application == null) {
            throw new IllegalStateException("Event #" + sequence + " of application " + id
                    + " arrived before the application was counted");
        }
        if (sequence <= application.version) {
            return;
        }
        List<DashboardScope> before = scopes(application);
        ApplicationStatus statusBefore = application.status;
        boolean overdueBefore = application.overdue();
        Map<String, Long> counters = dayCounters.apply(application);
        change.accept(application);
        if (newStatus != null) {
            application.status = newStatus;
        }
        List<DashboardScope> after = scopes(application);
        var changes = batch.event(id, token);
        if (!counters.isEmpty()) {
            changes.day(after, application.serviceCode, dayOf(application, at), counters);
        }
        if (statusBefore != application.status || !before.equals(after) || overdueBefore != application.overdue()) {
            LocalDate day = backlogDayOf(application, at);
            changes.backlog(before, day, statusBefore, overdueBefore, -1).backlog(after, day, application.status, application.overdue(), 1);
        }
        application.version = sequence;
        batch.counted(application);
        finish(batch);
        announce(application);
    }

    /** Outside a unit of work nobody else writes the batch: this event's changes are written now. */
    private static void finish(DashboardBatch batch) {
        if (!CurrentUnitOfWork.isStarted()) {
            batch.flush();
        }
    }

    private List<DashboardScope> scopes(DashboardApplication application) {
        return DashboardScope.of(MppCode.of(application.mppCode), AgencyCode.of(application.agencyCode));
    }

    /**
     * The day an application's move in the backlog counts on: its event's, or the day of its previous move should
     * that be later (clocks of several instances differ by a little), so that the backlog as of the end of any day
     * holds each application in one state it had.
     */
    private LocalDate backlogDayOf(DashboardApplication application, Instant at) {
        LocalDate day = dayOf(application, at);
        if (application.backlogDay != null && LocalDate.parse(application.backlogDay).isAfter(day)) {
            day = LocalDate.parse(application.backlogDay);
        }
        application.backlogDay = day.toString();
        return day;
    }

    private LocalDate dayOf(DashboardApplication application, Instant at) {
        ZoneId zone = catalogue.mpp(MppCode.of(application.mppCode)).map(Mpp::zone).orElse(DEFAULT_ZONE);
        return at.atZone(zone).toLocalDate();
    }

    /** Tells the live dashboards of the application's scopes that their figures changed. */
    private void announce(DashboardApplication application) {
        var changed = scopes(application).stream().map(DashboardScope::key).toList();
        updates.emit(FindDashboard.class, query -> changed.contains(query.scope().key()),
                new DashboardChanged(changed));
    }
}
