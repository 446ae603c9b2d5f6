package id.mpp.tracker.standalone;

import id.mpp.tracker.query.application.ApplicationProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read model is a pure function of the event store: reset and replay from zero gives it back exactly. */
@StandaloneTest
class ProjectionRebuildTest extends ApiTestBase {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JdbcTemplate eventStore;
    @Autowired
    MeterRegistry meters;

    @Test
    void replayingAllEventsFromZeroRebuildsIdenticalReadModels() {
        String completed = api.submit().text("applicationId");
        api.act(completed, "verify");
        api.act(completed, "start-processing");
        api.act(completed, "complete", Map.of("outputReference", "KTP/1"));
        api.act(completed, "rate", Map.of("score", 3, "comment", "Baik"));
        String returned = api.submit().text("applicationId");
        api.act(returned, "return-for-correction", Map.of("reason", "KK kurang", "missingDocuments", List.of("Kartu Keluarga")));
        api.view(completed, 5);
        api.view(returned, 1);
        List<Document> before = readModel();
        double appliedBefore = appliedEvents();
        long storedEvents = new EventStoreRows(eventStore).count();

        TrackingEventProcessor processor = processing
                .eventProcessor(ApplicationProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(appliedEvents() - appliedBefore).as("events applied again").isEqualTo(storedEvents));
        assertThat(readModel()).hasSameSizeAs(before).isEqualTo(before);
    }

    private double appliedEvents() {
        return meters.get("mpp.projection.events").tag("outcome", "applied").counter().count();
    }

    private List<Document> readModel() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, "applications");
    }
}
