package id.mpp.tracker.standalone.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store written by the plain H2 backend opens in the project's backend as it was, through the real driver. */
class DiskBackendTest {

    @TempDir
    Path directory;

    @Test
    void aStoreWrittenByThePlainBackendIsReadAndExtendedByThisOne() {
        String file = directory.resolve("read-models.mv").toString();
        using(new H2Backend(file), applications -> {
            applications.createIndex(Indexes.ascending("mppCode", "trackingNumber"), new IndexOptions().unique(true));
            for (int i = 0; i < 2_000; i++) {
                applications.insertOne(new Document("_id", "app-" + i).append("mppCode", "MPP-" + (i % 7))
                        .append("trackingNumber", "T" + i));
            }
        });

        using(new DiskBackend(file), applications -> {
            assertThat(applications.find(eq("_id", "app-1234")).first()).containsEntry("trackingNumber", "T1234");
            assertThat(applications.find(and(eq("mppCode", "MPP-3"), eq("trackingNumber", "T1235"))).first())
                    .containsEntry("_id", "app-1235");
            assertThatThrownBy(() -> applications.insertOne(new Document("_id", "app-7")))
                    .hasMessageContaining("duplicate key");
            applications.replaceOne(eq("_id", "app-2000"), new Document("mppCode", "MPP-0").append("trackingNumber", "T2000"),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
            assertThat(applications.countDocuments()).isEqualTo(2_001);
        });

        using(new H2Backend(file), applications ->
                assertThat(applications.find(eq("_id", "app-2000")).first()).containsEntry("trackingNumber", "T2000"));
    }

    private static void using(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("mpp").getCollection("applications"));
        } finally {
            server.shutdown();
        }
    }
}
