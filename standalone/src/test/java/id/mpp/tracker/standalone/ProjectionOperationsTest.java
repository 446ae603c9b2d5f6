package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** For operators: processor status and lag, and rebuilding the dashboards while they keep serving. */
@StandaloneTest
class ProjectionOperationsTest extends ApiTestBase {

    private static final String PROJECTIONS = Api.BASE + "/admin/projections";
    private static final String NATIONAL = Api.BASE + "/dashboards/national";

    @Test
    void everyProjectionReportsItsSegmentsAndCatchesUpToTheHead() {
        assertThat(api.submit().status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode processors = api.as("admin").get(PROJECTIONS).body();
            assertThat(names(processors)).contains("application-status", "dashboards", "due-dates");
            for (JsonNode processor : processors) {
                assertThat(processor.path("running").asBoolean()).isTrue();
                assertThat(processor.path("error").asBoolean()).isFalse();
                assertThat(processor.path("segments")).isNotEmpty();
                assertThat(processor.path("lag").asLong()).as(processor.path("name").asText()).isZero();
            }
        });
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProcessorStoresItsTokenAfterHandlingABatchNotInTheEventStoresTransaction() {
        assertThat(processing.eventProcessors().keySet()).contains("application-status", "dashboards", "due-dates");
        processing.eventProcessors().keySet().forEach(name ->
                assertThat(processing.transactionManager(name)).as(name).isSameAs(NoTransactionManager.instance()));
    }

    @Autowired
    EventStorageEngine storage;

    @Test
    void projectionsReadTheEventStoreInPagesOfAThousandEvents() {
        assertThat(storage).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(((JdbcEventStorageEngine) storage).batchSize()).isEqualTo(1000);
    }

    @Test
    void onlyAdministratorsOperateProjections() {
        assertThat(api.as("viewer").get(PROJECTIONS).status()).isEqualTo(403);
        assertThat(api.as("auditor").post(PROJECTIONS + "/dashboards/rebuild", null).status()).isEqualTo(403);
        assertThat(api.as("auditor").post(PROJECTIONS + "/application-status/replay", null).status()).isEqualTo(403);
    }

    @Test
    void aReplayOfTheStatusProjectionRefillsItFromTheEventStore() {
        var submitted = api.submit();
        String id = submitted.text("applicationId");
        var verified = api.act(id, "verify");
        long version = verified.body().path("version").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.projectionLag("application-status") == 0);

        var replay = api.as("admin").post(PROJECTIONS + "/application-status/replay", null);

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body().path("name").asText()).isEqualTo("application-status");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.projectionLag("application-status")).isZero();
            var view = api.as("auditor").get(Api.BASE + "/applications/" + id);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().path("version").asLong()).isEqualTo(version);
            assertThat(view.body().path("status").asText()).isEqualTo("ROUTED");
        });
    }

    @Test
    void aRebuildReplaysIntoANewGenerationWhileTheOldOneServesAndThenCountsLiveEvents() throws Exception {
        for (int i = 0; i < 3; i++) {
            var submitted = api.submit();
            api.act(submitted.text("applicationId"), "verify");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.projectionLag("dashboards") == 0);
        JsonNode before = api.as("viewer").get(NATIONAL).body();

        var served = new ArrayList<JsonNode>();
        var rebuilding = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                var reply = api.as("viewer").get(NATIONAL);
                assertThat(reply.status()).isEqualTo(200);
                synchronized (served) {
                    served.add(reply.body().path("totals"));
                }
            }
        });
        reader.start();
        var started = http.exchange(PROJECTIONS + "/dashboards/rebuild", HttpMethod.POST,
                new HttpEntity<>(adminHeaders()), String.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> api.as("admin").get(PROJECTIONS + "/dashboards/rebuild")
                .body().path("state").asText().equals("DONE"));
        rebuilding.set(false);
        reader.join();

        JsonNode progress = api.as("admin").get(PROJECTIONS + "/dashboards/rebuild").body();
        assertThat(progress.path("eventsDone").asLong()).isPositive();
        assertThat(progress.path("position").asLong()).isEqualTo(progress.path("headPosition").asLong());
        assertThat(progress.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(progress.path("estimatedSecondsLeft").asLong()).isZero();
        synchronized (served) {
            assertThat(served).as("served while rebuilding, never emptied").isNotEmpty()
                    .allSatisfy(totals -> assertThat(totals.path("submitted").asLong())
                            .isGreaterThanOrEqualTo(before.at("/totals/submitted").asLong()));
        }
        JsonNode rebuilt = api.as("viewer").get(NATIONAL).body();
        assertThat(rebuilt.path("totals")).isEqualTo(before.path("totals"));
        assertThat(rebuilt.path("backlog")).isEqualTo(before.path("backlog"));

        assertThat(api.submit().status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.as("viewer").get(NATIONAL).body().at("/totals/submitted").asLong())
                        .isEqualTo(before.at("/totals/submitted").asLong() + 1));
    }


    private static List<String> names(JsonNode processors) {
        return StreamSupport.stream(processors.spliterator(), false).map(processor -> processor.path("name").asText()).toList();
    }

    private static HttpHeaders adminHeaders() {
        var headers = new HttpHeaders();
        headers.set("X-Api-Key", Api.keyOf("admin"));
        return headers;
    }
}
