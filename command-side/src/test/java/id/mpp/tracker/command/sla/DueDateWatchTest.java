package id.mpp.tracker.command.sla;

import id.mpp.tracker.application.ApplicationCompleted;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationVerified;
import id.mpp.tracker.application.DocumentsProvided;
import id.mpp.tracker.application.DocumentsRequested;
import id.mpp.tracker.application.MetadataKeys;
import id.mpp.tracker.application.ServiceStandardBreached;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.command.TestMongo;
import id.mpp.tracker.command.application.CheckDueDate;
import id.mpp.tracker.command.application.DueDateCheck;
import id.mpp.tracker.command.application.DueDateCheck.Finding;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.Timeliness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The due-date index kept from events, the lease, and one round of the watch, over MongoDB through the driver. */
class DueDateWatchTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DueDate FRIDAY = new DueDate(LocalDate.parse("2026-03-06"), WIB, true);
    private static final DueDate NEXT_FRIDAY = new DueDate(LocalDate.parse("2026-03-13"), WIB, true);
    private static final ServiceStandard FOUR_DAYS = new ServiceStandard(4, ServiceStandard.DayUnit.WORKING_DAYS);
    private static final Instant SATURDAY = Instant.parse("2026-03-07T03:00:00Z");

    private static TestMongo testMongo;

    private MongoTemplate mongo;
    private DueDateIndex index;
    private AnnotationEventHandlerAdapter indexHandlers;

    @BeforeAll
    static void connect() {
        testMongo = TestMongo.connect();
    }

    @AfterAll
    static void disconnect() {
        testMongo.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = testMongo.database("mpp-due-date-watch-test-" + UUID.randomUUID());
        index = new DueDateIndex(mongo);
        indexHandlers = new AnnotationEventHandlerAdapter(index);
    }

    // --- the index ------------------------------------------------------------------------------------------------

    @Test
    void aVerifiedApplicationIsDueAtTheEndOfItsLastDay() {
        var id = ApplicationId.random();
        deliver(id, 1, new ApplicationVerified(id, FOUR_DAYS, false, FRIDAY));

        assertThat(index.dueAt(FRIDAY.dueAt().minusSeconds(1), 10)).isEmpty();
        assertThat(index.dueAt(FRIDAY.dueAt(), 10)).containsExactly(new DueDateIndex.DueEntry(id, FRIDAY.dueAt()));
    }

    @Test
    void aPausedClockIsNotDueAndAResumedOneIsDueAtItsMovedDate() {
        var id = ApplicationId.random();
        deliver(id, 1, new ApplicationVerified(id, FOUR_DAYS, false, FRIDAY));
        deliver(id, 4, new DocumentsRequested(id, List.of("KK"), "Lengkapi"));
        assertThat(index.dueAt(SATURDAY, 10)).isEmpty();

        deliver(id, 5, new DocumentsProvided(id, List.of("KK"), NEXT_FRIDAY));
        assertThat(index.dueAt(NEXT_FRIDAY.dueAt(), 10)).containsExactly(new DueDateIndex.DueEntry(id, NEXT_FRIDAY.dueAt()));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        var id = ApplicationId.random();
        deliver(id, 1, new ApplicationVerified(id, FOUR_DAYS, false, FRIDAY));
        deliver(id, 4, new ServiceStandardBreached(id, AgencyCode.of("IMIGRASI"), FRIDAY));

        deliver(id, 1, new ApplicationVerified(id, FOUR_DAYS, false, FRIDAY));

        assertThat(index.dueAt(SATURDAY, 10)).as("the breach stays recorded").isEmpty();
    }

    @Test
    void aDecidedApplicationLeavesTheIndex() {
        var id = ApplicationId.random();
        deliver(id, 1, new ApplicationVerified(id, FOUR_DAYS, false, FRIDAY));
        deliver(id, 4, new ApplicationCompleted(id, AgencyCode.of("IMIGRASI"), "X1",
                new Timeliness(FRIDAY.dueAt(), 0, FOUR_DAYS.unit())));

        assertThat(index.dueAt(SATURDAY, 10)).isEmpty();
        assertThat(mongo.getCollection(DueDateIndex.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void theEarliestDueComeFirstAndABatchIsBounded() {
        var later = ApplicationId.random();
        var earlier = ApplicationId.random();
        deliver(later, 1, new ApplicationVerified(later, FOUR_DAYS, false, NEXT_FRIDAY));
        deliver(earlier, 1, new ApplicationVerified(earlier, FOUR_DAYS, false, FRIDAY));

        assertThat(index.dueAt(NEXT_FRIDAY.dueAt(), 1)).extracting(DueDateIndex.DueEntry::applicationId).containsExactly(earlier);
    }

    // --- the lease ------------------------------------------------------------------------------------------------

    @Test
    void oneOwnerAtATimeHoldsTheLeaseUntilItLapsesOrIsReleased() {
        var now = Instant.parse("2026-03-07T03:00:00Z");
        var first = lease("instance-1", now);
        var second = lease("instance-2", now);

        assertThat(first.acquire()).isTrue();
        assertThat(second.acquire()).isFalse();
        assertThat(first.acquire()).as("renewed by its holder").isTrue();

        assertThat(lease("instance-2", now.plus(Duration.ofMinutes(3))).acquire()).as("lapsed after its term").isTrue();
        assertThat(lease("instance-1", now.plus(Duration.ofMinutes(3))).acquire()).isFalse();

        lease("instance-2", now).release();
        assertThat(first.acquire()).as("released").isTrue();
    }

    // --- a round of the watch -------------------------------------------------------------------------------------

    @Test
    void aRoundChecksWhatFellDueAndSettlesOrMovesItsEntries() {
        var breached = ApplicationId.random();
        var resumedMeanwhile = ApplicationId.random();
        var notDue = ApplicationId.random();
        deliver(breached, 1, new ApplicationVerified(breached, FOUR_DAYS, false, FRIDAY));
        deliver(resumedMeanwhile, 1, new ApplicationVerified(resumedMeanwhile, FOUR_DAYS, false, FRIDAY));
        deliver(notDue, 1, new ApplicationVerified(notDue, FOUR_DAYS, false, NEXT_FRIDAY));
        var answers = Map.of(
                breached, new DueDateCheck(breached, Finding.BREACHED, null),
                // the index had not yet seen the documents provided: the application knows better
                resumedMeanwhile, new DueDateCheck(resumedMeanwhile, Finding.NOT_YET_DUE, NEXT_FRIDAY.dueAt()));
        var gateway = new AnsweringGateway(answers);

        int fellDue = watch("instance-1", SATURDAY, gateway.mock).watch();

        assertThat(fellDue).isEqualTo(1);
        assertThat(gateway.checked).containsExactlyInAnyOrder(breached, resumedMeanwhile);
        assertThat(gateway.principals).containsOnly(DueDateWatch.PRINCIPAL);
        assertThat(index.dueAt(SATURDAY, 10)).isEmpty();
        assertThat(index.dueAt(NEXT_FRIDAY.dueAt(), 10)).extracting(DueDateIndex.DueEntry::applicationId)
                .containsExactlyInAnyOrder(resumedMeanwhile, notDue);
    }

    @Test
    void anInstanceWithoutTheLeaseChecksNothing() {
        var id = ApplicationId.random();
        deliver(id, 1, new ApplicationVerified(id, FOUR_DAYS, false, FRIDAY));
        var holder = new AnsweringGateway(Map.of(id, new DueDateCheck(id, Finding.BREACHED, null)));
        var other = new AnsweringGateway(Map.of());
        var holding = watch("instance-1", SATURDAY, holder.mock);
        var waiting = watch("instance-2", SATURDAY, other.mock);

        lease("instance-1", SATURDAY).acquire();
        assertThat(waiting.watch()).isZero();
        assertThat(holding.watch()).isEqualTo(1);

        assertThat(other.checked).isEmpty();
    }

    @Test
    void aFailedCheckLeavesTheEntryForTheNextRound() {
        var id = ApplicationId.random();
        deliver(id, 1, new ApplicationVerified(id, FOUR_DAYS, false, FRIDAY));
        CommandGateway failing = mock(CommandGateway.class);
        when(failing.sendAndWait(any())).thenThrow(new IllegalStateException("command bus unavailable"));

        assertThat(watch("instance-1", SATURDAY, failing).watch()).isZero();

        assertThat(index.dueAt(SATURDAY, 10)).extracting(DueDateIndex.DueEntry::applicationId).containsExactly(id);
    }

    private DueDateWatch watch(String owner, Instant now, CommandGateway gateway) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new DueDateWatch(index, gateway, new Lease(mongo, "due-date-watch", owner, Duration.ofMinutes(2), clock),
                clock, 100, new SimpleMeterRegistry());
    }

    private Lease lease(String owner, Instant now) {
        return new Lease(mongo, "due-date-watch", owner, Duration.ofMinutes(2), Clock.fixed(now, ZoneOffset.UTC));
    }

    private void deliver(ApplicationId id, long sequence, Object event) {
        try {
            indexHandlers.handle(new GenericDomainEventMessage<>("ServiceApplication", id.value(), sequence, event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command gateway whose application answers each check as told, and which notes what it was asked. */
    private static final class AnsweringGateway {
        final CommandGateway mock = mock(CommandGateway.class);
        final List<ApplicationId> checked = new ArrayList<>();
        final List<Object> principals = new ArrayList<>();

        AnsweringGateway(Map<ApplicationId, DueDateCheck> answers) {
            var byId = new HashMap<>(answers);
            when(mock.sendAndWait(any())).thenAnswer(invocation -> {
                CommandMessage<CheckDueDate> command = invocation.getArgument(0);
                checked.add(command.getPayload().applicationId());
                principals.add(command.getMetaData().get(MetadataKeys.PRINCIPAL));
                return byId.getOrDefault(command.getPayload().applicationId(),
                        new DueDateCheck(command.getPayload().applicationId(), Finding.NOTHING_DUE, null));
            });
        }
    }
}
