package id.mpp.tracker.query.application;

import id.mpp.tracker.application.Channel;
import id.mpp.tracker.application.query.ApplicationSummary;
import id.mpp.tracker.application.query.FindApplication;
import id.mpp.tracker.application.query.ListApplications;
import id.mpp.tracker.application.query.ServiceTimeView;
import id.mpp.tracker.application.query.TrackApplication;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.HolidayCalendar;
import id.mpp.tracker.sla.ServiceClock;
import id.mpp.tracker.sla.WorkingDays;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static id.mpp.tracker.application.ApplicationStatus.DEEMED_APPROVED;
import static id.mpp.tracker.catalogue.ServiceStandard.DayUnit.WORKING_DAYS;
import static id.mpp.tracker.query.application.ApplicationStream.WIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the status views and the overdue list say about the service clock, read at chosen moments. A passport
 * application at a WIB MPP verified on Monday 2 March 2026 with four working days is due by the end of Friday 6 March.
 */
class ServiceTimeQueriesTest extends ReadModelTest {

    private static final Catalogue CATALOGUE = CatalogueReader.read(
            ServiceTimeQueriesTest.class.getResourceAsStream("/catalogue/catalogue.yaml"), "test");
    private static final ServiceClock SERVICE_CLOCK = new ServiceClock(new WorkingDays(List.of(
            new HolidayCalendar(2026, "test", "none in March", false, List.of()))));
    private static final Instant MONDAY_2_MARCH = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant WEDNESDAY_4_MARCH = Instant.parse("2026-03-04T03:00:00Z");
    private static final Instant MONDAY_9_MARCH = Instant.parse("2026-03-09T03:00:00Z");
    private static final ServiceStandard FOUR_WORKING_DAYS = new ServiceStandard(4, WORKING_DAYS);
    private static final DueDate FRIDAY_6_MARCH = new DueDate(LocalDate.parse("2026-03-06"), WIB, true);

    private ProjectionFeed feed;

    @BeforeEach
    void emptyReadModel() {
        feed = new ProjectionFeed(new ApplicationProjection(mongo, SimpleQueryUpdateEmitter.builder().build(),
                new ApplicationMetrics(new SimpleMeterRegistry()), vault, serviceTimesAt(MONDAY_2_MARCH)));
    }

    @Test
    void noClockRunsBeforeVerification() {
        var application = project(passport("KOTA-SURABAYA", MONDAY_2_MARCH.minusSeconds(3600)));

        assertThat(serviceTime(application, MONDAY_9_MARCH)).isNull();
    }

    @Test
    void aRunningClockShowsTheDueMomentAtTheMppAndTheWorkingDaysLeft() {
        var application = project(passportInProcess("KOTA-SURABAYA"));

        assertThat(serviceTime(application, WEDNESDAY_4_MARCH)).isEqualTo(new ServiceTimeView(4, WORKING_DAYS, false,
                LocalDate.parse("2026-03-06"), OffsetDateTime.parse("2026-03-07T00:00+07:00"), "Asia/Jakarta", true,
                2, false, false, false, null));
    }

    @Test
    void pastTheDueDateTheViewSaysOverdueBeforeAndAfterTheBreachIsRecorded() {
        var application = project(passportInProcess("KOTA-SURABAYA"));
        var beforeBreach = serviceTime(application, MONDAY_9_MARCH);
        assertThat(beforeBreach.overdue()).isTrue();
        assertThat(beforeBreach.breached()).isFalse();
        assertThat(beforeBreach.daysRemaining()).as("Monday 9 March is one working day late").isEqualTo(-1);

        project(application.at(Instant.parse("2026-03-06T17:00:05Z")).breached());
        var afterBreach = serviceTime(application, MONDAY_9_MARCH);
        assertThat(afterBreach.overdue()).isTrue();
        assertThat(afterBreach.breached()).isTrue();
    }

    @Test
    void whilePausedTheDaysLeftStandStill() {
        var application = project(passportInProcess("KOTA-SURABAYA")
                .at(WEDNESDAY_4_MARCH).documentsRequested("Paspor haji", "Surat Rekomendasi"));

        var paused = serviceTime(application, MONDAY_9_MARCH);

        assertThat(paused.paused()).isTrue();
        assertThat(paused.daysRemaining()).as("as on Wednesday 4 March: Thursday and Friday").isEqualTo(2);
        assertThat(paused.overdue()).isFalse();
    }

    @Test
    void resumingMovesTheDueDate() {
        var moved = new DueDate(LocalDate.parse("2026-03-13"), WIB, true);
        var application = project(passportInProcess("KOTA-SURABAYA")
                .at(WEDNESDAY_4_MARCH).documentsRequested("Paspor haji", "Surat Rekomendasi")
                .at(Instant.parse("2026-03-11T03:00:00Z")).documentsProvided(moved, "Surat Rekomendasi"));

        var resumed = serviceTime(application, Instant.parse("2026-03-11T04:00:00Z"));

        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.dueBy()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(resumed.daysRemaining()).isEqualTo(2);
    }

    @Test
    void aLateDecisionSaysByHowMuch() {
        var application = project(passportInProcess("KOTA-SURABAYA")
                .at(Instant.parse("2026-03-11T03:00:00Z")).completed("X1234567", 3));

        var decided = serviceTime(application, Instant.parse("2026-03-12T03:00:00Z"));

        assertThat(decided.daysLate()).isEqualTo(3);
        assertThat(decided.daysRemaining()).isNull();
        assertThat(decided.overdue()).isFalse();
    }

    @Test
    void aDeemedApprovalIsADecisionOnTheDueDate() {
        var application = project(passport("KOTA-SURABAYA", MONDAY_2_MARCH.minusSeconds(3600))
                .at(MONDAY_2_MARCH).verified(FOUR_WORKING_DAYS, true, FRIDAY_6_MARCH).routed("IMIGRASI").processingStarted()
                .at(FRIDAY_6_MARCH.dueAt()).deemedApproved());

        var view = queriesAt(MONDAY_9_MARCH).handle(new FindApplication(application.id())).orElseThrow();

        assertThat(view.status()).isEqualTo(DEEMED_APPROVED);
        assertThat(view.decidedAt()).isEqualTo(FRIDAY_6_MARCH.dueAt());
        assertThat(view.serviceTime().deemedApproval()).isTrue();
        assertThat(view.serviceTime().daysLate()).isZero();
        assertThat(view.serviceTime().overdue()).isFalse();
    }

    @Test
    void theCitizenSeesTheServiceTimeWhenTracking() {
        var application = project(passportInProcess("KOTA-SURABAYA"));

        var tracked = queriesAt(WEDNESDAY_4_MARCH).handle(new TrackApplication(application.trackingNumber())).orElseThrow();

        assertThat(tracked.serviceTime().dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-07T00:00+07:00"));
        assertThat(tracked.serviceTime().daysRemaining()).isEqualTo(2);
    }

    @Test
    void anApplicationVerifiedBeforeServiceClocksExistedHasNoServiceTime() {
        var application = project(passport("KOTA-SURABAYA", MONDAY_2_MARCH).verifiedWithoutClock().routed("IMIGRASI"));

        assertThat(serviceTime(application, MONDAY_9_MARCH)).isNull();
    }

    @Test
    void theOverdueListHoldsTheOpenApplicationsPastTheirDueDate() {
        var running = project(passportInProcess("KOTA-SURABAYA"));
        var breached = project(passportInProcess("KOTA-SURABAYA").at(FRIDAY_6_MARCH.dueAt()).breached());
        var breachedThenPaused = project(passportInProcess("KOTA-SURABAYA").at(FRIDAY_6_MARCH.dueAt()).breached()
                .documentsRequested("Paspor haji", "Surat Rekomendasi"));
        var otherMpp = project(passportInProcess("KOTA-MALANG"));
        // not overdue: paused before the due date, decided, withdrawn, not yet due, never verified
        project(passportInProcess("KOTA-SURABAYA").at(WEDNESDAY_4_MARCH).documentsRequested("Paspor haji", "Surat Rekomendasi"));
        project(passportInProcess("KOTA-SURABAYA").at(Instant.parse("2026-03-09T01:00:00Z")).completed("X1", 1));
        project(passportInProcess("KOTA-SURABAYA").at(Instant.parse("2026-03-09T01:00:00Z")).withdrawn("Batal"));
        project(passport("KOTA-SURABAYA", Instant.parse("2026-03-05T01:00:00Z")).verified(FOUR_WORKING_DAYS, false,
                new DueDate(LocalDate.parse("2026-03-11"), WIB, true)).routed("IMIGRASI"));
        project(passport("KOTA-SURABAYA", MONDAY_2_MARCH));

        assertThat(overdueIds(null)).containsExactlyInAnyOrder(running.id().value(), breached.id().value(),
                breachedThenPaused.id().value(), otherMpp.id().value());
        assertThat(overdueIds("KOTA-SURABAYA")).containsExactlyInAnyOrder(running.id().value(), breached.id().value(),
                breachedThenPaused.id().value());
        assertThat(queriesAt(WEDNESDAY_4_MARCH).handle(overdue(null)).content())
                .as("on Wednesday only the breach recorded ahead of time counts").extracting(ApplicationSummary::applicationId)
                .containsExactlyInAnyOrder(breached.id().value(), breachedThenPaused.id().value());
    }

    private List<String> overdueIds(String mpp) {
        return queriesAt(MONDAY_9_MARCH).handle(overdue(mpp)).content().stream()
                .peek(summary -> assertThat(summary.serviceTime().overdue()).isTrue())
                .map(ApplicationSummary::applicationId).toList();
    }

    private static ListApplications overdue(String mpp) {
        return new ListApplications(mpp == null ? null : MppCode.of(mpp), null, null, null, null, null, true, 0, 50);
    }

    private ApplicationStream passport(String mpp, Instant submittedAt) {
        return ApplicationStream.submitted(siti, mpp, "IMIGRASI-PASPOR-BARU", "IMIGRASI", Channel.COUNTER, submittedAt);
    }

    private ApplicationStream passportInProcess(String mpp) {
        return passport(mpp, MONDAY_2_MARCH.minusSeconds(3600))
                .at(MONDAY_2_MARCH).verified(FOUR_WORKING_DAYS, false, FRIDAY_6_MARCH).routed("IMIGRASI").processingStarted();
    }

    private ApplicationStream project(ApplicationStream stream) {
        feed.live(stream.events().stream().skip(projectedOf(stream)).toList());
        return stream;
    }

    private long projectedOf(ApplicationStream stream) {
        var document = mongo.findById(stream.id().value(), ApplicationDocument.class);
        return document == null ? 0 : document.version + 1;
    }

    private ServiceTimeView serviceTime(ApplicationStream stream, Instant now) {
        return queriesAt(now).handle(new FindApplication(stream.id())).orElseThrow().serviceTime();
    }

    private ApplicationQueries queriesAt(Instant now) {
        return new ApplicationQueries(mongo, CATALOGUE, serviceTimesAt(now));
    }

    private static ServiceTimes serviceTimesAt(Instant now) {
        return new ServiceTimes(SERVICE_CLOCK, Clock.fixed(now, ZoneOffset.UTC));
    }
}
