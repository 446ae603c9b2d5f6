package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import id.mpp.tracker.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An MPP's and an agency's dashboard as they stood at the end of a past day, rebuilt from the event store into a
 * read model of its own. Manado keeps central Indonesian time (WITA, UTC+8): its days end at 16:00 UTC. The days
 * are in weeks past that no other test writes in.
 */
@StandaloneTest
class AuditDashboardAsOfTest extends ApiTestBase {

    private static final String MANADO = "KOTA-MANADO";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Monday two weeks back. */
    private static final LocalDate MONDAY = LocalDate.now(WITA).minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate eventStore;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void anMppsDashboardAtTheEndOfADayCountsOnlyWhatWasStoredByItsLocalMidnight() {
        String monday = at(MONDAY, "09:00", WITA, () -> submit(MANADO, "3571014101900003", "Novita Sari"));
        at(MONDAY, "10:00", WITA, () -> api.act(monday, "verify"));
        at(MONDAY, "11:00", WITA, () -> api.act(monday, "start-processing"));
        at(TUESDAY, "11:00", WITA, () -> api.act(monday, "complete", Map.of("outputReference", "KTP-EL/7171/2026/0001")));
        // 00:30 on Tuesday in Manado is still Monday in UTC
        at(TUESDAY, "00:30", WITA, () -> submit(MANADO, "3571014101900004", "Yohana Lumintang"));
        // Wednesday: after the days asked for
        at(TUESDAY.plusDays(1), "09:00", WITA, () -> submit(MANADO, "3571014101900005", "Stevi Mandagi"));
        long storedEvents = storedEvents();

        JsonNode mondayEnd = asOf("/mpps/" + MANADO + "?day=" + MONDAY + "&from=" + MONDAY);
        JsonNode tuesdayEnd = asOf("/mpps/" + MANADO + "?day=" + TUESDAY + "&from=" + MONDAY);

        assertThat(mondayEnd.path("asOf").asText()).isEqualTo(TUESDAY.atStartOfDay(WITA).toInstant().toString());
        assertThat(mondayEnd.path("applications").asLong()).isEqualTo(1);
        assertThat(mondayEnd.at("/dashboard/totals/submitted").asLong()).isEqualTo(1);
        assertThat(mondayEnd.at("/dashboard/totals/completed").asLong()).isZero();
        assertThat(mondayEnd.at("/dashboard/backlog/byStatus/IN_PROCESS").asLong()).isEqualTo(1);
        assertThat(mondayEnd.at("/dashboard/backlog/total").asLong()).isEqualTo(1);

        assertThat(tuesdayEnd.path("applications").asLong()).isEqualTo(2);
        assertThat(tuesdayEnd.path("eventsReplayed").asLong()).isEqualTo(5 + 1);
        assertThat(tuesdayEnd.at("/dashboard/totals/submitted").asLong()).isEqualTo(2);
        assertThat(tuesdayEnd.at("/dashboard/totals/completed").asLong()).isEqualTo(1);
        assertThat(tuesdayEnd.at("/dashboard/series/1/submitted").asLong()).as("the 00:30 WITA submission counts on Tuesday")
                .isEqualTo(1);
        assertThat(tuesdayEnd.at("/dashboard/backlog/total").asLong()).isEqualTo(1);
        assertThat(tuesdayEnd.at("/dashboard/backlog/byStatus/SUBMITTED").asLong()).isEqualTo(1);

        assertThat(storedEvents()).as("replaying wrote nothing into the event store").isEqualTo(storedEvents);
        fromReadModel("/mpps/" + MANADO + "?day=" + MONDAY + "&from=" + MONDAY, mondayEnd);
        fromReadModel("/mpps/" + MANADO + "?day=" + TUESDAY + "&from=" + MONDAY, tuesdayEnd);
    }

    @Test
    void anAgencysDashboardAtTheEndOfADayIsRebuiltAndCountsWhatWasRoutedIntoIt() {
        LocalDate monday = MONDAY.minusWeeks(1);
        String routed = at(monday, "08:00", WIB, () -> submit("KOTA-BATAM", "3571014101900006", "Meilany Rumagit"));
        at(monday, "09:00", WIB, () -> api.act(routed, "verify"));
        String rerouted = at(monday, "08:30", WIB, () -> submit("KOTA-BATAM", "3571014101900008", "Ayu Kartika"));
        at(monday, "09:30", WIB, () -> api.act(rerouted, "verify"));
        at(monday, "10:00", WIB, () -> api.act(rerouted, "reroute", Map.of("toAgencyCode", "DPMPTSP", "reason", "Salah loket")));
        at(monday.plusDays(1), "08:00", WIB, () -> submit("KOTA-BATAM", "3571014101900007", "Fransiska Wowor"));

        JsonNode dukcapil = asOf("/agencies/DUKCAPIL?day=" + monday + "&from=" + monday);
        JsonNode dpmptsp = asOf("/agencies/DPMPTSP?day=" + monday + "&from=" + monday);

        assertThat(dukcapil.path("asOf").asText()).as("agencies' days end at midnight WIB")
                .isEqualTo(monday.plusDays(1).atStartOfDay(WIB).toInstant().toString());
        assertThat(dukcapil.at("/dashboard/totals/submitted").asLong()).isEqualTo(2);
        assertThat(dukcapil.at("/dashboard/backlog/byStatus/ROUTED").asLong()).isEqualTo(1);
        assertThat(dukcapil.at("/dashboard/backlog/total").asLong()).as("the live backlog holds far more").isEqualTo(1);
        assertThat(dpmptsp.path("applications").asLong()).as("rerouted into it").isEqualTo(1);
        assertThat(dpmptsp.at("/dashboard/backlog/byStatus/ROUTED").asLong()).isEqualTo(1);
        // Batam keeps western Indonesian time: its days are the agencies' days; the agencies within it, whose
        // applications only this test writes, read the same from the dashboards' documents as replayed
        for (String agency : List.of("DUKCAPIL", "DPMPTSP")) {
            String question = "/mpps/KOTA-BATAM?agencyCode=" + agency + "&day=" + monday + "&from=" + monday;
            fromReadModel(question, asOf(question));
        }
    }

    @Test
    void aLongReplayAskedForAsynchronouslyIsCollectedLaterWithTheSameFigures() {
        LocalDate thursday = MONDAY.plusDays(3);
        String id = at(thursday, "09:00", WITA, () -> submit(MANADO, "3571014101900009", "Grace Pangemanan"));
        at(thursday, "10:00", WITA, () -> api.act(id, "verify"));
        String question = "/mpps/" + MANADO + "?day=" + thursday + "&from=" + thursday + "&source=events";
        var headers = new HttpHeaders();
        headers.set("X-Api-Key", Api.keyOf("auditor"));
        headers.set("Prefer", "respond-async");

        var accepted = http.exchange(Api.BASE + "/audit/dashboards" + question, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        assertThat(accepted.getHeaders().getFirst("Preference-Applied")).isEqualTo("respond-async");
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).startsWith(Api.BASE + "/audit/dashboards/replays/");
        assertThat(accepted.getBody().path("state").asText()).isIn("QUEUED", "RUNNING", "DONE");
        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(() -> api.as("auditor").get(location).body(),
                job -> job.path("state").asText().equals("DONE"));
        JsonNode answeredAtOnce = answer(question);
        assertThat(done.at("/result/dashboard/totals")).isEqualTo(answeredAtOnce.at("/dashboard/totals"));
        assertThat(done.at("/result/dashboard/backlog")).isEqualTo(answeredAtOnce.at("/dashboard/backlog"));
        assertThat(done.at("/result/applications").asLong()).isEqualTo(answeredAtOnce.path("applications").asLong());
        assertThat(done.at("/result/dashboard/totals/submitted").asLong()).isEqualTo(1);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/dashboards/replays/no-such-replay").status()).isEqualTo(404);
    }

    @Test
    void theDayMustBeGivenAndPastAndTheScopeKnownAndOnlyAuditorsAsk() {
        assertThat(api.as("auditor").get(Api.BASE + "/audit/dashboards/mpps/" + MANADO).status()).isEqualTo(400);
        var future = api.as("auditor").get(Api.BASE + "/audit/dashboards/mpps/" + MANADO + "?day=" + LocalDate.now().plusDays(2));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("detail")).contains("day").contains("future");
        assertThat(api.as("auditor").get(Api.BASE + "/audit/dashboards/mpps/KOTA-ATLANTIS?day=" + MONDAY).status()).isEqualTo(404);
        var unknownSource = api.as("auditor").get(Api.BASE + "/audit/dashboards/mpps/" + MANADO + "?day=" + MONDAY + "&source=guess");
        assertThat(unknownSource.status()).isEqualTo(400);
        assertThat(unknownSource.text("detail")).contains("source");
        assertThat(api.as("auditor").get(Api.BASE + "/audit/dashboards/agencies/DUKCAPIL?day=" + MONDAY + "&from="
                + MONDAY.minusYears(2)).status()).isEqualTo(400);
        assertThat(api.as("officer-manado").get(Api.BASE + "/audit/dashboards/mpps/" + MANADO + "?day=" + MONDAY).status())
                .isEqualTo(403);
    }

    private String submit(String mpp, String nik, String name) {
        var reply = api.submit(mpp, "DUKCAPIL-KTP-EL", "COUNTER", nik, name);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("applicationId");
    }

    private <T> T at(LocalDate day, String time, ZoneId zone, Supplier<T> act) {
        clock.moveTo(day.atTime(LocalTime.parse(time)).atZone(zone).toInstant());
        try {
            return act.get();
        } finally {
            clock.reset();
        }
    }

    /** Replayed from the event store: the proof. */
    private JsonNode asOf(String path) {
        return answer(path + "&source=events");
    }

    /** Read from the dashboards' documents per day, as asked for by default; the same dashboard as the replay's. */
    private JsonNode fromReadModel(String path, JsonNode replayed) {
        JsonNode read = answer(path);
        assertThat(read.path("source").asText()).isEqualTo("read-model");
        assertThat(read.path("asOf")).isEqualTo(replayed.path("asOf"));
        var dashboard = (com.fasterxml.jackson.databind.node.ObjectNode) read.path("dashboard").deepCopy();
        var proof = (com.fasterxml.jackson.databind.node.ObjectNode) replayed.path("dashboard").deepCopy();
        dashboard.remove("generatedAt");
        proof.remove("generatedAt");
        assertThat(dashboard).as(path).isEqualTo(proof);
        return read;
    }

    private JsonNode answer(String path) {
        var reply = api.as("auditor").get(Api.BASE + "/audit/dashboards" + path);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private long storedEvents() {
        return new EventStoreRows(eventStore).count();
    }
}
