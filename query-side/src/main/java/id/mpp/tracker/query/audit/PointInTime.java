package id.mpp.tracker.query.audit;

import com.mongodb.client.MongoClient;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationRerouted;
import id.mpp.tracker.application.ApplicationRouted;
import id.mpp.tracker.application.ApplicationSubmitted;
import id.mpp.tracker.application.query.ApplicationView;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.platform.web.NotFoundException;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.query.application.StatusReplay;
import id.mpp.tracker.query.dashboard.DashboardReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import id.mpp.tracker.sla.ServiceClock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the read models showed at a moment, rebuilt from the event store alone: the events stored by then are
 * replayed through the same projections into a read model of their own, which is dropped afterwards. Neither the
 * event store nor the live read models change.
 */
@Component
class PointInTime {

    /** Agencies' and national days end at midnight in western Indonesia. */
    private static final ZoneId AGENCY_DAYS_IN = ZoneId.of("Asia/Jakarta");
    private static final int CHUNK = 500;

    private final AuditedEvents events;
    private final MongoClient client;
    private final String database;
    private final MongoTemplate live;
    private final PersonalDataVault vault;
    private final ServiceClock serviceClock;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ReplaySlots slots;

    PointInTime(AuditedEvents events, MongoClient client, @Value("${spring.data.mongodb.database:mpp}") String database,
                MongoTemplate live, PersonalDataVault vault, ServiceClock serviceClock, Catalogue catalogue, Clock clock,
                @Value("${mpp.audit.concurrent-replays:2}") int concurrentReplays) {
        this.events = events;
        this.client = client;
        this.database = database;
        this.live = live;
        this.vault = vault;
        this.serviceClock = serviceClock;
        this.catalogue = catalogue;
        this.clock = clock;
        this.slots = new ReplaySlots(concurrentReplays);
    }

    /** The application's status view after its events stored by {@code moment}; 404 when there were none yet. */
    ApplicationView application(ApplicationId id, Instant moment) {
        List<DomainEventMessage<?>> upToThen = events.ofApplication(id).stream()
                .filter(event -> !event.getTimestamp().isAfter(moment)).toList();
        if (upToThen.isEmpty()) {
            throw new NotFoundException("Application " + id + " had no events yet at " + moment);
        }
        try (var slot = slots.take(); var scratch = scratch()) {
            var status = new StatusReplay(scratch.template(), moment, ReplayVault.opening(vault), serviceClock);
            for (DomainEventMessage<?> event : upToThen) {
                status.apply(event);
            }
            return status.view(id.value()).orElseThrow(() -> new IllegalStateException(
                    "Replaying application " + id + " made no view: its first event is not a submission"));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("Replaying application " + id + " failed", e);
        }
    }

    /**
     * The dashboard of an MPP or agency as it stood at the end of {@code query.to()} (local midnight of the MPP, or in
     * western Indonesia for an agency): only the applications of the scope are replayed, found in a first pass.
     */
    DashboardAsOf dashboard(FindDashboard query) {
        return dashboard(query, false);
    }

    /** The same, waiting for a free slot rather than answering busy: for replays that were queued. */
    DashboardAsOf dashboardWhenFree(FindDashboard query) {
        return dashboard(query, true);
    }

    /** Where the period's last day ends: local midnight of the MPP, or in western Indonesia for an agency. */
    Instant endOf(FindDashboard query) {
        DashboardScope scope = query.scope();
        ZoneId zone = scope.mppCode() == null ? AGENCY_DAYS_IN : catalogue.mpp(scope.mppCode()).map(Mpp::zone).orElse(AGENCY_DAYS_IN);
        return query.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private DashboardAsOf dashboard(FindDashboard query, boolean waitForSlot) {
        DashboardScope scope = query.scope();
        Instant end = endOf(query);
        try (var slot = waitForSlot ? slots.await() : slots.take(); var scratch = scratch()) {
            Set<String> applications = applicationsOf(scope, end);
            var dashboards = new DashboardReplay(scratch.template(), catalogue);
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            long[] replayed = {0};
            replayStoredBefore(end, event -> {
                if (event instanceof DomainEventMessage<?> domainEvent && applications.contains(domainEvent.getAggregateIdentifier())) {
                    chunk.add(event);
                    replayed[0]++;
                    if (chunk.size() == CHUNK) {
                        dashboards.apply(chunk);
                        chunk.clear();
                    }
                }
            });
            dashboards.apply(chunk);
            DashboardView view = dashboards.view(query, clock.instant());
            return new DashboardAsOf(end, DashboardAsOf.FROM_EVENTS, (long) applications.size(), replayed[0], view);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Replaying the dashboard of " + scope.key() + " failed", e);
        }
    }

    /** Applications submitted in the scope, or routed or rerouted into it later, by the given moment. */
    private Set<String> applicationsOf(DashboardScope scope, Instant end) throws Exception {
        Set<String> atMpp = new HashSet<>();
        Set<String> inScope = new HashSet<>();
        replayStoredBefore(end, event -> {
            Class<?> type = event.getPayloadType();
            if (type != ApplicationSubmitted.class && type != ApplicationRouted.class && type != ApplicationRerouted.class) {
                return; // not read any further
            }
            if (event.getPayload() instanceof ApplicationSubmitted submitted) {
                String id = submitted.applicationId().value();
                if (scope.mppCode() == null || scope.mppCode().equals(submitted.mppCode())) {
                    atMpp.add(id);
                    if (scope.agencyCode() == null || scope.agencyCode().equals(submitted.agencyCode())) {
                        inScope.add(id);
                    }
                }
            } else if (event.getPayload() instanceof ApplicationRouted routed) {
                // verification routes to the agency handling the service then, which the catalogue may have changed
                joinIfRoutedInto(scope, routed.applicationId().value(), routed.agencyCode(), atMpp, inScope);
            } else if (event.getPayload() instanceof ApplicationRerouted rerouted) {
                joinIfRoutedInto(scope, rerouted.applicationId().value(), rerouted.toAgencyCode(), atMpp, inScope);
            }
        });
        return inScope;
    }

    private static void joinIfRoutedInto(DashboardScope scope, String applicationId, AgencyCode agency, Set<String> atMpp,
                                         Set<String> inScope) {
        if (scope.agencyCode() != null && scope.agencyCode().equals(agency) && atMpp.contains(applicationId)) {
            inScope.add(applicationId);
        }
    }

    /** Every event stored before {@code end}, in stream order. */
    private void replayStoredBefore(Instant end, EventAction action) throws Exception {
        try (Stream<TrackedEventMessage<?>> stream = events.globalStream().readUntil(null, end)) {
            for (Iterator<TrackedEventMessage<?>> stored = stream.iterator(); stored.hasNext(); ) {
                TrackedEventMessage<?> event = stored.next();
                if (event.getTimestamp().isBefore(end)) {
                    action.accept(event);
                }
            }
        }
    }

    private interface EventAction {
        void accept(TrackedEventMessage<?> event) throws Exception;
    }

    private ScratchReadModel scratch() {
        return ScratchReadModel.open(client, database, live.getConverter());
    }

    /**
     * A dashboard as it stood at a moment.
     *
     * @param asOf           the dashboard counts the events stored before this moment
     * @param source         {@value #FROM_READ_MODEL}: read from the dashboards' documents per day; {@value #FROM_EVENTS}:
     *                       rebuilt by replaying the scope's events, the proof of the former
     * @param applications   replayed: how many applications of the scope had events by then
     * @param eventsReplayed replayed: how many of their events were replayed
     */
    record DashboardAsOf(Instant asOf, String source, Long applications, Long eventsReplayed, DashboardView dashboard) {

        static final String FROM_READ_MODEL = "read-model";
        static final String FROM_EVENTS = "events";
    }
}
