package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ServiceStandardBreached;
import id.mpp.tracker.command.application.CheckDueDate;
import id.mpp.tracker.command.sla.DueDateWatch;
import id.mpp.tracker.testing.TestClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service clock over HTTP: due dates in the views, the overdue list, the breach recorded once however many
 * checks race for it, deemed approval, and lateness. Moves the process's clock past due dates, and back after.
 */
@StandaloneTest
class ServiceStandardApiTest extends ApiTestBase {

    @Autowired
    TestClock clock;
    @Autowired
    DueDateWatch watch;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theStatusViewAndTheTrackingPageShowTheDueDateInTheMppsLocalTime() {
        var application = inProcess("KOTA-SURABAYA", "DUKCAPIL-KTP-EL");

        JsonNode serviceTime = application.view.path("serviceTime");
        assertThat(serviceTime.path("standardDays").asInt()).isPositive();
        assertThat(serviceTime.path("unit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(serviceTime.path("timeZone").asText()).isEqualTo("Asia/Jakarta");
        assertThat(serviceTime.path("dueAt").asText()).endsWith("T00:00:00+07:00");
        assertThat(serviceTime.path("dueBy").asText()).isEqualTo(
                OffsetDateTime.parse(serviceTime.path("dueAt").asText()).toLocalDate().minusDays(1).toString());
        assertThat(serviceTime.path("daysRemaining").asInt()).isBetween(0, serviceTime.path("standardDays").asInt());
        assertThat(serviceTime.path("overdue").asBoolean()).isFalse();
        assertThat(serviceTime.path("paused").asBoolean()).isFalse();
        assertThat(serviceTime.path("breached").asBoolean()).isFalse();

        var tracked = api.anonymous().get(Api.BASE + "/track/" + application.view.path("trackingNumber").asText());
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.body().path("serviceTime").path("dueAt")).isEqualTo(serviceTime.path("dueAt"));
    }

    @Test
    void pastItsDueDateAnApplicationIsOverdueAndItsBreachIsRecordedOnceHoweverManyChecksRace() throws Exception {
        var application = inProcess("KOTA-SURABAYA", "DUKCAPIL-KTP-EL");
        clock.moveTo(application.dueAt().plus(Duration.ofHours(1)));

        assertThat(overdueAtSurabaya()).as("overdue before the breach is recorded").contains(application.id);

        var checks = new ArrayList<Callable<Object>>();
        for (int i = 0; i < 4; i++) {
            checks.add(() -> commands.sendAndWait(new CheckDueDate(ApplicationId.of(application.id))));
            checks.add(() -> watch.watch());
        }
        var threads = Executors.newFixedThreadPool(checks.size());
        try {
            for (Future<Object> check : threads.invokeAll(checks)) {
                check.get();
            }
        } finally {
            threads.shutdown();
        }
        watch.watch();

        assertThat(breachesOf(application.id)).isEqualTo(1);
        JsonNode breached = api.view(application.id, application.version + 1).path("serviceTime");
        assertThat(breached.path("breached").asBoolean()).isTrue();
        assertThat(breached.path("overdue").asBoolean()).isTrue();
        assertThat(breached.path("daysRemaining").asInt()).isNegative();
    }

    @Test
    void aDecisionAfterTheDueDateRecordsHowLateItCame() {
        var application = inProcess("KOTA-SURABAYA", "DUKCAPIL-KTP-EL");
        clock.moveTo(application.dueAt().plus(Duration.ofDays(7)));

        var completed = api.act(application.id, "complete", Map.of("outputReference", "KTP-EL/3578/2026/0042"));

        assertThat(completed.status()).isEqualTo(200);
        JsonNode serviceTime = api.view(application.id, completed.version()).path("serviceTime");
        assertThat(serviceTime.path("daysLate").asInt()).as("a week late is at least three working days").isGreaterThanOrEqualTo(3);
        assertThat(serviceTime.path("overdue").asBoolean()).isFalse();
        assertThat(serviceTime.path("daysRemaining").isNull()).isTrue();
        assertThat(overdueAtSurabaya()).doesNotContain(application.id);
    }

    @Test
    void aLicenceIsApprovedByLawWhenItsDeadlinePassesAndCanBeCollectedAndRated() {
        var application = inProcess("KOTA-SURABAYA", "DPMPTSP-SLF");
        assertThat(application.view.path("serviceTime").path("deemedApproval").asBoolean()).isTrue();
        clock.moveTo(application.dueAt().plusSeconds(60));

        // the watch finds the application once the due-date index has caught up with its verification
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            watch.watch();
            return api.get(Api.BASE + "/applications/" + application.id).body().path("status").asText().equals("DEEMED_APPROVED");
        });

        assertThat(api.act(application.id, "collect").status()).isEqualTo(200);
        assertThat(api.act(application.id, "rate", Map.of("score", 4)).status()).isEqualTo(200);
    }

    @Test
    void anOverdueFilterThatIsNotABooleanIsRefused() {
        var reply = api.as("auditor").get(Api.BASE + "/applications?overdue=sometimes");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private List<String> overdueAtSurabaya() {
        var reply = api.as("officer-surabaya").get(Api.BASE + "/applications?overdue=true&mppCode=KOTA-SURABAYA&size=100");
        assertThat(reply.status()).isEqualTo(200);
        return StreamSupport.stream(reply.body().path("content").spliterator(), false)
                .peek(line -> assertThat(line.path("serviceTime").path("overdue").asBoolean()).isTrue())
                .map(line -> line.path("applicationId").asText()).toList();
    }

    private long breachesOf(String applicationId) {
        return eventStore.readEvents(applicationId).asStream()
                .filter(event -> event.getPayload() instanceof ServiceStandardBreached).count();
    }

    /** Submitted at the counter, verified and taken up by the agency now. */
    private InProcess inProcess(String mpp, String service) {
        var submitted = api.submit(mpp, service, "COUNTER", "3578014101900001", "Siti Rahayu");
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.text("applicationId");
        assertThat(api.act(id, "verify").status()).isEqualTo(200);
        var started = api.act(id, "start-processing");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        return new InProcess(id, started.version(), api.view(id, started.version()));
    }

    private record InProcess(String id, long version, JsonNode view) {

        Instant dueAt() {
            return OffsetDateTime.parse(view.path("serviceTime").path("dueAt").asText()).toInstant();
        }
    }
}
