package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import id.mpp.tracker.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An MPP's and an agency's dashboard as they stood at the end of a past day, rebuilt from the event store into a
 * read model of its own. Manado keeps central Indonesian time (WITA, UTC+8): its days end at 16:00 UTC.
 */
@StandaloneTest
class AuditDashboardAsOfTest extends ApiTestBase {

    private static final String MANADO = "KOTA-MANADO";

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
        // Monday 16 November 2026, 09:00 WITA: submitted, verified, started; completed the next morning
        String monday = at("2026-11-16T01:00:00Z", () -> submitAtManado("3571014101900003", "Novita Sari"));
        at("2026-11-16T02:00:00Z", () -> api.act(monday, "verify"));
        at("2026-11-16T03:00:00Z", () -> api.act(monday, "start-processing"));
        at("2026-11-17T03:00:00Z", () -> api.act(monday, "complete", Map.of("outputReference", "KTP-EL/7171/2026/0001")));
        // 00:30 WITA on Tuesday, still Monday in UTC
        String tuesday = at("2026-11-16T16:30:00Z", () -> submitAtManado("3571014101900004", "Yohana Lumintang"));
        // Wednesday: after the day asked for
        at("2026-11-18T01:00:00Z", () -> submitAtManado("3571014101900005", "Stevi Mandagi"));
        long storedEvents = storedEvents();

        JsonNode mondayEnd = asOf("/mpps/" + MANADO + "?day=2026-11-16&from=2026-11-16");
        JsonNode tuesdayEnd = asOf("/mpps/" + MANADO + "?day=2026-11-17&from=2026-11-16");

        assertThat(mondayEnd.path("asOf").asText()).isEqualTo("2026-11-16T16:00:00Z");
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
        assertThat(tuesday).isNotBlank();
    }

    @Test
    void anAgencysDashboardAtTheEndOfADayIsRebuiltNotReadFromTheLiveOne() {
        String monday = at("2026-11-09T01:00:00Z", () -> submit("KOTA-BATAM", "3571014101900006", "Meilany Rumagit"));
        at("2026-11-09T02:00:00Z", () -> api.act(monday, "verify"));
        at("2026-11-10T01:00:00Z", () -> submit("KOTA-BATAM", "3571014101900007", "Fransiska Wowor"));

        JsonNode mondayEnd = asOf("/agencies/DUKCAPIL?day=2026-11-09&from=2026-11-09");

        assertThat(mondayEnd.path("asOf").asText()).as("agencies' days end at midnight WIB").isEqualTo("2026-11-09T17:00:00Z");
        assertThat(mondayEnd.at("/dashboard/totals/submitted").asLong()).isEqualTo(1);
        assertThat(mondayEnd.at("/dashboard/backlog/byStatus/ROUTED").asLong()).isEqualTo(1);
        assertThat(mondayEnd.at("/dashboard/backlog/total").asLong()).as("the live backlog holds far more").isEqualTo(1);
    }

    @Test
    void theDayMustBeGivenAndPastAndTheScopeKnownAndOnlyAuditorsAsk() {
        assertThat(api.as("auditor").get(Api.BASE + "/audit/dashboards/mpps/" + MANADO).status()).isEqualTo(400);
        var future = api.as("auditor").get(Api.BASE + "/audit/dashboards/mpps/" + MANADO + "?day=2099-01-01");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("detail")).contains("day").contains("future");
        assertThat(api.as("auditor").get(Api.BASE + "/audit/dashboards/mpps/KOTA-ATLANTIS?day=2026-11-16").status()).isEqualTo(404);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/dashboards/agencies/DUKCAPIL?day=2026-11-16&from=2024-01-01").status())
                .isEqualTo(400);
        assertThat(api.as("officer-manado").get(Api.BASE + "/audit/dashboards/mpps/" + MANADO + "?day=2026-11-16").status())
                .isEqualTo(403);
    }

    private String submitAtManado(String nik, String name) {
        return submit(MANADO, nik, name);
    }

    private String submit(String mpp, String nik, String name) {
        var reply = api.submit(mpp, "DUKCAPIL-KTP-EL", "COUNTER", nik, name);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("applicationId");
    }

    private <T> T at(String moment, java.util.function.Supplier<T> act) {
        clock.moveTo(Instant.parse(moment));
        try {
            return act.get();
        } finally {
            clock.reset();
        }
    }

    private JsonNode asOf(String path) {
        var reply = api.as("auditor").get(Api.BASE + "/audit/dashboards" + path);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private long storedEvents() {
        return eventStore.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }
}
