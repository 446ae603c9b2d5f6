package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.DashboardView.Day;
import id.mpp.tracker.dashboard.DashboardView.LeadTime;
import id.mpp.tracker.dashboard.DashboardView.MppVisits;
import id.mpp.tracker.dashboard.DashboardView.Totals;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.dashboard.FindDashboardAsOf;
import id.mpp.tracker.dashboard.SkmIndex;
import id.mpp.tracker.query.application.ApplicationStream;
import id.mpp.tracker.query.application.ReadModelTest;
import id.mpp.tracker.query.application.ProjectionFeed;
import id.mpp.tracker.query.application.StoredEvent;
import id.mpp.tracker.sla.DueDate;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static id.mpp.tracker.application.ApplicationStatus.*;
import static id.mpp.tracker.query.application.ApplicationStream.WIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator of the dashboards against figures worked out by hand from a small week of events at MPP Siola
 * Surabaya and MPP Kota Malang (both WIB), 2–8 March 2026.
 */
class DashboardProjectionTest extends ReadModelTest {

    private static final Catalogue CATALOGUE = CatalogueReader.read(
            DashboardProjectionTest.class.getResourceAsStream("/catalogue/catalogue.yaml"), "test");
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate SUNDAY = LocalDate.parse("2026-03-08");
    private static final ServiceStandard FIVE_DAYS = new ServiceStandard(5, ServiceStandard.DayUnit.WORKING_DAYS);
    private static final DueDate DUE_FRIDAY = new DueDate(LocalDate.parse("2026-03-06"), WIB, true);
    private static final DashboardScope SURABAYA = DashboardScope.mpp(MppCode.of("KOTA-SURABAYA"));

    private DashboardProjection projection;
    private ProjectionFeed feed;
    private DashboardQueries queries;
    private List<StoredEvent> week;
    private ApplicationStream breachedAtMalang;

    @BeforeEach
    void emptyReadModel() {
        projection = new DashboardProjection(new DashboardStore(mongo, () -> 0), CATALOGUE, SimpleQueryUpdateEmitter.builder().build());
        feed = new ProjectionFeed(projection);
        Clock monday9 = Clock.fixed(Instant.parse("2026-03-09T01:00:00Z"), ZoneOffset.UTC);
        queries = new DashboardQueries(mongo, new DashboardGenerations(mongo, monday9), CATALOGUE, monday9);
        week = aWeek();
    }

    @Test
    void anMppDashboardCountsItsWeek() {
        feed.live(week);

        DashboardView surabaya = dashboard(SURABAYA);

        assertThat(surabaya.title()).isEqualTo("MPP Siola Kota Surabaya");
        assertThat(surabaya.period().days()).isEqualTo(7);
        assertThat(surabaya.totals()).isEqualTo(new Totals(7, 1, 3, 2, 0, 1, 1, 0, 1, 7));
        assertThat(surabaya.series()).startsWith(new Day(MONDAY, 6, 0, 0, 0, 1),
                new Day(MONDAY.plusDays(1), 1, 1, 1, 0, 0));
        assertThat(surabaya.series().get(3)).as("Thursday").isEqualTo(new Day(MONDAY.plusDays(3), 0, 1, 1, 0, 0));
        assertThat(surabaya.series().get(4)).as("Friday: approved by law at local midnight").isEqualTo(new Day(MONDAY.plusDays(4), 0, 1, 0, 0, 0));
        assertThat(surabaya.leadTime()).isEqualTo(new LeadTime(3, 74.4, 74.4));
        assertThat(surabaya.decidedWithinStandardShare()).isEqualTo(0.3333);
        assertThat(surabaya.completionRate()).isEqualTo(0.6667);
        assertThat(surabaya.digitalTakeUp()).isEqualTo(0.1429);
        assertThat(surabaya.skm()).isEqualTo(new SkmIndex(75.0, "C", 2));
        assertThat(surabaya.openOverdue()).as("nothing breached at Surabaya").isZero();
        assertThat(surabaya.backlog().byStatus()).containsEntry(SUBMITTED, 1L).containsEntry(ROUTED, 1L)
                .containsEntry(AWAITING_DOCUMENTS, 1L).containsEntry(IN_PROCESS, 0L).doesNotContainKey(COMPLETED);
        assertThat(surabaya.backlog().total()).isEqualTo(3);
        assertThat(surabaya.weekVisits()).isNull();
    }

    @Test
    void perServiceFiguresWithinTheScope() {
        feed.live(week);

        var services = dashboard(SURABAYA).services();

        assertThat(services).extracting(DashboardView.ServiceFigures::serviceCode)
                .containsExactly("DUKCAPIL-KTP-EL", "DPMPTSP-SLF", "POLRI-SKCK");
        var ktp = services.get(0);
        assertThat(ktp.submitted()).isEqualTo(5);
        assertThat(ktp.decided()).isEqualTo(2);
        assertThat(ktp.leadTime()).isEqualTo(new LeadTime(2, 22.1, 74.4));
        assertThat(ktp.decidedWithinStandardShare()).isEqualTo(0.5);
        assertThat(services.get(1).decidedWithinStandardShare()).as("approved by law is not within the standard").isEqualTo(0.0);
        assertThat(services.get(2).leadTime()).isEqualTo(new LeadTime(0, null, null));
    }

    @Test
    void theNationalDashboardAddsEveryMppAndRanksTheWeeksVisits() {
        feed.live(week);

        DashboardView national = dashboard(DashboardScope.NATIONAL);

        assertThat(national.totals()).isEqualTo(new Totals(8, 1, 3, 2, 0, 1, 1, 1, 1, 8));
        assertThat(national.backlog().byStatus()).containsEntry(IN_PROCESS, 1L);
        assertThat(national.backlog().total()).isEqualTo(4);
        assertThat(national.weekVisits().from()).isEqualTo(MONDAY);
        assertThat(national.weekVisits().highest()).startsWith(new MppVisits("KOTA-SURABAYA", 7), new MppVisits("KOTA-MALANG", 1));
        assertThat(national.weekVisits().lowest()).hasSize(3).allSatisfy(mpp -> assertThat(mpp.visits()).isZero());
    }

    @Test
    void anApplicationIsOverdueFromItsRecordedBreachUntilItIsDecided() {
        feed.live(week);
        var malang = DashboardScope.mpp(MppCode.of("KOTA-MALANG"));
        var dukcapil = DashboardScope.agency(AgencyCode.of("DUKCAPIL"));

        assertThat(List.of(DashboardScope.NATIONAL, malang, dukcapil)).allSatisfy(scope ->
                assertThat(dashboard(scope).openOverdue()).as(scope.key()).isEqualTo(1));
        assertThat(dashboard(SURABAYA).openOverdue()).isZero();

        feed.live(breachedAtMalang.completed("KTP-3", 1).events());

        assertThat(List.of(DashboardScope.NATIONAL, malang, dukcapil)).allSatisfy(scope ->
                assertThat(dashboard(scope).openOverdue()).as(scope.key()).isZero());
    }

    @Test
    void aDashboardAsOfTheEndOfAnEarlierDayIsTheOneCountedFromTheEventsUntilThen() {
        Instant thursdayAtSurabaya = MONDAY.plusDays(3).atStartOfDay(WIB).toInstant();
        feed.live(week.stream().filter(event -> event.at().isBefore(thursdayAtSurabaya)).toList());
        var untilWednesday = new FindDashboard(SURABAYA, MONDAY, MONDAY.plusDays(2));
        DashboardView counted = queries.handle(untilWednesday);

        feed.live(week);
        DashboardView asOf = queries.handle(new FindDashboardAsOf(untilWednesday));

        assertThat(dashboard(SURABAYA).backlog()).as("the week changed the backlog since").isNotEqualTo(counted.backlog());
        assertThat(asOf.backlog()).isEqualTo(counted.backlog());
        assertThat(asOf.openOverdue()).isEqualTo(counted.openOverdue());
        assertThat(asOf.totals()).isEqualTo(counted.totals());
        assertThat(asOf.series()).isEqualTo(counted.series());
    }

    @Test
    void agencyDashboardsFollowRerouting() {
        feed.live(week);

        var dukcapil = dashboard(DashboardScope.agency(AgencyCode.of("DUKCAPIL")));
        var dpmptsp = dashboard(DashboardScope.agency(AgencyCode.of("DPMPTSP")));
        var dpmptspAtSurabaya = dashboard(new DashboardScope(MppCode.of("KOTA-SURABAYA"), AgencyCode.of("DPMPTSP")));

        assertThat(dukcapil.backlog().byStatus()).containsEntry(SUBMITTED, 1L).containsEntry(AWAITING_DOCUMENTS, 1L)
                .containsEntry(ROUTED, 0L).containsEntry(IN_PROCESS, 1L);
        assertThat(dukcapil.totals().submitted()).as("submissions stay where they were made").isEqualTo(6);
        assertThat(dpmptsp.backlog().byStatus()).containsEntry(ROUTED, 1L);
        assertThat(dpmptsp.totals().deemedApproved()).isEqualTo(1);
        assertThat(dpmptspAtSurabaya.backlog().total()).isEqualTo(1);
        assertThat(dpmptspAtSurabaya.title()).isEqualTo("MPP Siola Kota Surabaya — " + CATALOGUE.agency(AgencyCode.of("DPMPTSP")).orElseThrow().name());
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        feed.live(week);
        var once = storedDocuments();

        feed.live(week);
        week.stream().filter(event -> event.sequence() % 2 == 0).forEach(feed::live);

        assertThat(storedDocuments()).isEqualTo(once);
    }

    @Test
    void replayingTwiceRebuildsIdenticalReadModels() {
        feed.live(week);
        var live = storedDocuments();

        projection.reset();
        assertThat(storedDocuments()).isEmpty();
        feed.replay(week);
        var firstReplay = storedDocuments();
        projection.reset();
        feed.replay(week);

        assertThat(firstReplay).isEqualTo(live);
        assertThat(storedDocuments()).isEqualTo(live);
    }

    @Test
    void anEventCountedHalfwayBeforeACrashIsCountedOnceWhenRetried() {
        feed.live(week);
        var expected = storedDocuments();
        projection.reset();
        var retried = week.get(week.size() - 1);
        feed.live(week.subList(0, week.size() - 1));
        // the crash: the day and backlog documents took the event, the application's document did not
        var application = mongo.findById(retried.aggregateId(), DashboardApplication.class);
        feed.live(retried);
        mongo.save(application);

        feed.live(retried);

        assertThat(storedDocuments()).isEqualTo(expected);
    }

    @Test
    void countingInBatchesGivesTheSameFiguresAndARetriedBatchChangesNothing() {
        feed.live(week);
        var oneByOne = storedDocuments();
        projection.reset();

        for (int from = 0; from < week.size(); from += 7) {
            inOneUnitOfWork(week.subList(from, Math.min(week.size(), from + 7)));
        }
        assertThat(storedDocuments()).isEqualTo(oneByOne);

        // a batch handled again after its documents were written but before the applications' were
        var lastBatch = week.subList(week.size() - 7, week.size());
        lastBatch.forEach(event -> {
            var application = mongo.findById(event.aggregateId(), DashboardApplication.class);
            application.version = Math.min(application.version, event.sequence() - 1);
            mongo.save(application);
        });
        inOneUnitOfWork(lastBatch);
        assertThat(storedDocuments()).isEqualTo(oneByOne);
    }

    @Test
    void aRebuildRememberingFewApplicationsCountsInBatchesWhatLiveCountingCounted() {
        feed.live(week);
        var live = storedDocuments(0);

        // two applications remembered at most: the others are dropped, written and read back as the batches go
        var rebuilding = DashboardStore.rebuilding(mongo, 1, 2);
        var rebuild = new ProjectionFeed(new DashboardProjection(rebuilding, CATALOGUE, SimpleQueryUpdateEmitter.builder().build()));
        for (int from = 0; from < week.size(); from += 5) {
            rebuild.liveInOneBatch(week.subList(from, Math.min(week.size(), from + 5)), DashboardStore.flushAfterLastEvent());
        }
        assertThat(storedDocuments(1)).as("before the remembered ones are written").isNotEqualTo(live);
        rebuilding.writeRemembered();

        assertThat(storedDocuments(1)).isEqualTo(live);
    }

    private void inOneUnitOfWork(List<StoredEvent> events) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        events.forEach(feed::live);
        unitOfWork.commit();
    }

    @Test
    void aLaneLiesWithinOneSegmentOfAProcessorSplitUpToSixtyFourWays() {
        for (int count : new int[]{1, 2, 4, 8, 16, 32, 64}) {
            Segment[] segments = Segment.computeSegments(IntStream.range(0, count).toArray());
            var segmentOfLane = new HashMap<Integer, Integer>();
            for (int i = 0; i < 2000; i++) {
                var application = ApplicationId.random();
                int segment = Stream.of(segments).filter(candidate -> candidate.matches(application.value()))
                        .findFirst().orElseThrow().getSegmentId();
                assertThat(segmentOfLane.computeIfAbsent(DashboardStore.laneOf(application), lane -> segment))
                        .as(count + " segments").isEqualTo(segment);
            }
        }
    }

    private DashboardView dashboard(DashboardScope scope) {
        return queries.handle(new FindDashboard(scope, MONDAY, SUNDAY));
    }

    private List<Document> storedDocuments() {
        return storedDocuments(0);
    }

    private List<Document> storedDocuments(int generation) {
        var documents = new ArrayList<Document>();
        for (String collection : List.of(DashboardStore.DAYS, DashboardStore.BACKLOG, DashboardApplication.COLLECTION)) {
            mongo.getCollection(DashboardGenerations.name(collection, generation)).find().sort(new Document("_id", 1))
                    .forEach(documents::add);
        }
        return documents;
    }

    /** The week, in the order the event store would hand the events out. */
    private List<StoredEvent> aWeek() {
        Instant monday = Instant.parse("2026-03-02T02:00:00Z");
        var collectedAndRated = ktp(Channel.COUNTER, monday).verified(FIVE_DAYS, false, DUE_FRIDAY).routed("DUKCAPIL")
                .processingStarted().at(Instant.parse("2026-03-03T02:00:00Z")).completed("KTP-1", 0)
                .at(Instant.parse("2026-03-04T03:00:00Z")).collected().rated(4, "Cepat");
        // verified at 03:00 on Monday: decided 23 hours later
        assertThat(collectedAndRated.events().get(1).at()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
        var lateOnline = ktp(Channel.ONLINE, Instant.parse("2026-03-02T04:00:00Z")).verified(FIVE_DAYS, false, DUE_FRIDAY)
                .routed("DUKCAPIL").processingStarted().at(Instant.parse("2026-03-05T05:00:00Z")).completed("KTP-2", 2)
                .rated(2, "Lama");
        var withdrawn = ApplicationStream.submitted(siti, "KOTA-SURABAYA", "POLRI-SKCK", "POLRI", Channel.COUNTER,
                Instant.parse("2026-03-02T06:00:00Z")).withdrawn("Salah layanan");
        var approvedByLaw = ApplicationStream.submitted(siti, "KOTA-SURABAYA", "DPMPTSP-SLF", "DPMPTSP", Channel.COUNTER,
                        Instant.parse("2026-03-02T08:00:00Z")).verified(new ServiceStandard(3, ServiceStandard.DayUnit.WORKING_DAYS), true,
                        new DueDate(LocalDate.parse("2026-03-05"), WIB, true)).routed("DPMPTSP").processingStarted()
                .at(Instant.parse("2026-03-05T17:00:00Z")).deemedApproved();
        // 23:30 UTC on Monday is Tuesday morning at the MPP
        var tuesdayMorning = ktp(Channel.COUNTER, Instant.parse("2026-03-02T23:30:00Z"));
        var awaitingDocuments = ktp(Channel.COUNTER, Instant.parse("2026-03-02T10:00:00Z"))
                .returnedForCorrection("Foto buram", "Pas foto").resubmitted("Foto baru")
                .verified(FIVE_DAYS, false, DUE_FRIDAY).routed("DUKCAPIL").processingStarted()
                .documentsRequested("Kurang KK", "Kartu Keluarga");
        var rerouted = ktp(Channel.COUNTER, Instant.parse("2026-03-02T02:30:00Z")).verified(FIVE_DAYS, false, DUE_FRIDAY)
                .routed("DUKCAPIL").rerouted("DPMPTSP", "Izin, bukan kependudukan");
        breachedAtMalang = ApplicationStream.submitted(siti, "KOTA-MALANG", "DUKCAPIL-KTP-EL", "DUKCAPIL", Channel.COUNTER,
                        Instant.parse("2026-03-03T01:00:00Z")).verified(FIVE_DAYS, false, DUE_FRIDAY).routed("DUKCAPIL")
                .processingStarted().at(Instant.parse("2026-03-06T17:00:00Z")).breached();
        return Stream.of(collectedAndRated, lateOnline, withdrawn, approvedByLaw, tuesdayMorning, awaitingDocuments,
                        rerouted, breachedAtMalang)
                .flatMap(stream -> stream.events().stream())
                .sorted(Comparator.comparing(StoredEvent::at))
                .toList();
    }

    private ApplicationStream ktp(Channel channel, Instant submittedAt) {
        return ApplicationStream.submitted(siti, "KOTA-SURABAYA", "DUKCAPIL-KTP-EL", "DUKCAPIL", channel, submittedAt);
    }
}
