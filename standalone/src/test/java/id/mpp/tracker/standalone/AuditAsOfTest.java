package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import id.mpp.tracker.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpEntity;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's status as it stood at a moment, rebuilt from its events up to then, for auditors. */
@StandaloneTest
class AuditAsOfTest extends ApiTestBase {

    // Tuesday 1 December 2026, 09:00 in Surabaya (WIB), then the following days
    private static final Instant SUBMITTED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant VERIFIED = Instant.parse("2026-12-01T03:00:00Z");
    private static final Instant STARTED = Instant.parse("2026-12-02T02:00:00Z");
    private static final Instant COMPLETED = Instant.parse("2026-12-03T02:00:00Z");
    private static final String NIK = "3578014404920002";

    @Autowired
    TestClock clock;
    @Autowired
    MongoClient mongo;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void beforeTheFirstEventTheApplicationWasNotThere() {
        String id = handledApplication();

        var reply = asOf(id, SUBMITTED.minusMillis(1));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("detail")).contains("had no events yet at 2026-12-01T01:59:59.999Z");
    }

    @Test
    void betweenTwoEventsTheViewIsTheOneAfterTheEarlier() {
        String id = handledApplication();

        JsonNode view = asOf(id, Instant.parse("2026-12-01T12:00:00Z")).body();

        assertThat(view.path("status").asText()).isEqualTo("ROUTED");
        assertThat(view.path("version").asLong()).isEqualTo(2);
        assertThat(view.at("/serviceTime/dueBy").asText()).isNotBlank();
        assertThat(view.at("/serviceTime/daysRemaining").asInt())
                .as("one working day later, one day less")
                .isEqualTo(asOf(id, Instant.parse("2026-12-02T01:00:00Z")).body().at("/serviceTime/daysRemaining").asInt() + 1);
        assertThat(view.path("history")).hasSize(3);
    }

    @Test
    void exactlyAtAnEventTheViewIncludesIt() {
        String id = handledApplication();
        Instant started = storedAt(id, 3);
        Instant completed = storedAt(id, 4);

        assertThat(asOf(id, started).body().path("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(asOf(id, started.minusMillis(1)).body().path("status").asText()).isEqualTo("ROUTED");
        assertThat(asOf(id, completed).body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(asOf(id, completed.minusMillis(1)).body().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void readingTheApplicantAsOfAMomentIsLoggedAndChangesNothingLive() {
        String id = handledApplication();
        var headers = new HttpHeaders();
        headers.set("X-Api-Key", Api.keyOf("auditor"));
        headers.set("X-Purpose", "Pemeriksaan Inspektorat 2026/17");

        var reply = http.exchange(Api.BASE + "/audit/applications/" + id + "?asOf=" + VERIFIED, HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);

        assertThat(reply.getBody().at("/applicant/nik").asText()).isEqualTo(NIK);
        JsonNode log = api.as("admin").get(Api.BASE + "/data-subjects/" + NIK + "/access-log").body().path("entries");
        assertThat(log.get(0).path("principal").asText()).isEqualTo("auditor");
        assertThat(log.get(0).path("purpose").asText()).isEqualTo("Pemeriksaan Inspektorat 2026/17");
        assertThat(log.get(0).path("applicationId").asText()).isEqualTo(id);
        assertThat(api.view(id, 4).path("status").asText()).as("the live read model").isEqualTo("COMPLETED");
        assertThat(mongo.listDatabaseNames()).as("the replay's own read model is gone")
                .noneMatch(name -> name.contains("-r-"));
    }

    @Test
    void onlyAuditorsAskAndTheMomentMustBeATime() {
        String id = api.submit().text("applicationId");

        assertThat(api.as("officer-surabaya").get(Api.BASE + "/audit/applications/" + id + "?asOf=" + Instant.now()).status())
                .isEqualTo(403);
        var admin = api.as("admin").get(Api.BASE + "/audit/applications/" + id + "?asOf=" + Instant.now());
        assertThat(admin.status()).as("it shows the applicant, which administrators do not read").isEqualTo(403);
        assertThat(admin.contentType()).startsWith("application/problem+json");
        assertThat(api.as("auditor").get(Api.BASE + "/audit/applications/" + id).status()).isEqualTo(400);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/applications/" + id + "?asOf=yesterday").status()).isEqualTo(400);
        assertThat(asOf("7d0c1b5e-9f1a-4e5b-8c3d-2a6f4e8b9c01", Instant.now()).status()).isEqualTo(404);
    }

    private String handledApplication() {
        clock.moveTo(SUBMITTED);
        String id = api.submit("KOTA-SURABAYA", "DUKCAPIL-KTP-EL", "COUNTER", NIK, "Sri Wahyuni").text("applicationId");
        clock.moveTo(VERIFIED);
        api.act(id, "verify");
        clock.moveTo(STARTED);
        api.act(id, "start-processing");
        clock.moveTo(COMPLETED);
        api.act(id, "complete", Map.of("outputReference", "KTP-EL/3578/2026/0456"));
        clock.reset();
        return id;
    }

    /** When the event store says the application's event happened. */
    private Instant storedAt(String id, int sequence) {
        JsonNode events = api.as("auditor").get(Api.BASE + "/audit/applications/" + id + "/events").body().path("events");
        return Instant.parse(events.get(sequence).path("timestamp").asText());
    }

    private Api.Reply asOf(String id, Instant moment) {
        return api.as("auditor").get(Api.BASE + "/audit/applications/" + id + "?asOf=" + moment);
    }
}
