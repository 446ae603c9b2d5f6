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
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store written by the plain H2 backend opens in the project's backend as it was, through the real driver, and
 * what each wrote reads back side by side after a restart.
 */
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

        using(new DiskBackend(file), applications -> {
            assertThat(applications.find(eq("_id", "app-2000")).first()).containsEntry("trackingNumber", "T2000");
            assertThat(applications.find(eq("_id", "app-1999")).first()).containsEntry("trackingNumber", "T1999");
            assertThat(applications.find(and(eq("mppCode", "MPP-0"), eq("trackingNumber", "T2000"))).first())
                    .containsEntry("_id", "app-2000");
            assertThat(applications.countDocuments()).isEqualTo(2_001);
        });
    }

    @Test
    void idsOfEveryKindAreFoundCountedRefusedTwiceAndRemoved() {
        String file = directory.resolve("read-models.mv").toString();
        using(new DiskBackend(file), collection -> {
            collection.insertMany(java.util.List.of(new Document("_id", "a-1"), new Document("_id", "a-2"),
                    new Document("_id", 3), new Document("_id", 4L), new Document("_id", new Document("mpp", "M").append("n", 5)),
                    new Document("kind", "generated")));
            assertThat(collection.countDocuments()).isEqualTo(6);
            assertThat(collection.find(eq("_id", "a-2")).first()).isNotNull();
            // numbers are one kind of key, whatever their type, as in MongoDB
            assertThat(collection.find(eq("_id", 3L)).first()).isNotNull();
            assertThat(collection.find(eq("_id", 4.0)).first()).isNotNull();
            assertThat(collection.find(eq("_id", new Document("mpp", "M").append("n", 5))).first()).isNotNull();
            Object generated = collection.find(eq("kind", "generated")).first().get("_id");
            assertThat(collection.find(eq("_id", generated)).first()).containsEntry("kind", "generated");
            assertThat(collection.find(com.mongodb.client.model.Filters.in("_id", "a-1", 3, "missing")).into(new java.util.ArrayList<>()))
                    .hasSize(2);
            assertThat(collection.find(com.mongodb.client.model.Filters.regex("_id", "^a-")).into(new java.util.ArrayList<>()))
                    .hasSize(2);
            for (Object id : java.util.List.of("a-1", 3.0, new Document("mpp", "M").append("n", 5), generated)) {
                assertThatThrownBy(() -> collection.insertOne(new Document("_id", id))).hasMessageContaining("duplicate key");
            }

            collection.deleteOne(eq("_id", "a-1"));
            collection.deleteOne(eq("_id", 3));
            assertThat(collection.countDocuments()).isEqualTo(4);
            assertThat(collection.find(eq("_id", "a-1")).first()).isNull();
            collection.insertOne(new Document("_id", "a-1").append("again", true));
            collection.insertOne(new Document("_id", 3));
        });

        using(new DiskBackend(file), collection -> {
            assertThat(collection.countDocuments()).isEqualTo(6);
            assertThat(collection.find(eq("_id", "a-1")).first()).containsEntry("again", true);
            assertThat(collection.find(eq("_id", 3)).first()).isNotNull();
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", 4))).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void aListOfIdsFindsEachListedDocumentOnceSortedProjectedAndUpdatable() {
        String file = directory.resolve("read-models.mv").toString();
        using(new DiskBackend(file), collection -> {
            for (int i = 0; i < 50; i++) {
                collection.insertOne(new Document("_id", "app-" + i).append("n", i).append("lanes", new Document("3", i)));
            }
            collection.insertOne(new Document("_id", 7).append("n", 1000));
            var listed = java.util.List.<Object>of("app-9", "app-2", "missing", "app-9", "app-40", 7.0);

            var found = collection.find(com.mongodb.client.model.Filters.in("_id", listed))
                    .sort(new Document("n", -1)).projection(new Document("lanes", 1)).into(new java.util.ArrayList<>());

            assertThat(found).extracting(document -> document.get("_id")).containsExactly(7, "app-40", "app-9", "app-2");
            assertThat(found.get(1)).doesNotContainKey("n").containsEntry("lanes", new Document("3", 40));
            assertThat(collection.find(com.mongodb.client.model.Filters.in("_id", listed)).skip(1).limit(2)
                    .into(new java.util.ArrayList<>())).hasSize(2);
            // another condition beside the list is still checked
            assertThat(collection.find(and(com.mongodb.client.model.Filters.in("_id", listed), eq("n", 2)))
                    .into(new java.util.ArrayList<>())).extracting(document -> document.get("_id")).containsExactly("app-2");

            collection.updateMany(com.mongodb.client.model.Filters.in("_id", listed), new Document("$inc", new Document("n", 1)));
            assertThat(collection.find(eq("_id", "app-2")).first()).containsEntry("n", 3);
            assertThat(collection.find(eq("_id", "app-3")).first()).containsEntry("n", 3);
            assertThat(collection.find(eq("_id", 7)).first()).containsEntry("n", 1001);
        });
    }

    /**
     * Batches reading and writing one collection while others are created and dropped and the store commits and
     * compacts as fast as it can, with no retention of old chunks: every read stays on chunks that exist.
     */
    @Test
    void readsRacingWithCommitsCompactionAndDroppedCollectionsFindEveryChunk() throws Exception {
        MVStore store = new MVStore.Builder().fileName(directory.resolve("read-models.mv").toString()).autoCompactFillRate(95).open();
        store.setRetentionTime(0);
        store.setAutoCommitDelay(1);
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
        MongoServer server = new MongoServer(new DiskBackend(store));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            var applications = client.getDatabase("mpp").getCollection("applications");
            var ids = new java.util.ArrayList<String>();
            for (int i = 0; i < 2_000; i++) {
                ids.add("app-" + i);
            }
            applications.insertMany(ids.stream().map(id -> new Document("_id", id).append("n", 0).append("padding", "x".repeat(400))).toList());
            long until = System.nanoTime() + java.time.Duration.ofSeconds(4).toNanos();
            Runnable batches = () -> {
                var random = new java.util.Random();
                while (System.nanoTime() < until && failures.isEmpty()) {
                    try {
                        var batch = ids.subList(random.nextInt(1_500), 2_000);
                        applications.find(com.mongodb.client.model.Filters.in("_id", batch)).into(new java.util.ArrayList<>());
                        applications.updateMany(com.mongodb.client.model.Filters.in("_id", batch), new Document("$inc", new Document("n", 1)));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            };
            Runnable generations = () -> {
                for (int generation = 1; System.nanoTime() < until && failures.isEmpty(); generation++) {
                    try {
                        var scratch = client.getDatabase("scratch-" + generation);
                        scratch.getCollection("days").insertMany(java.util.stream.IntStream.range(0, 300)
                                .mapToObj(i -> new Document("_id", i).append("padding", "y".repeat(400))).toList());
                        scratch.drop();
                        client.getDatabase("mpp").getCollection("days_g" + generation).insertOne(new Document("_id", 1));
                        client.getDatabase("mpp").getCollection("days_g" + generation).drop();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            };
            var threads = java.util.List.of(new Thread(batches), new Thread(batches), new Thread(generations));
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();
            assertThat(applications.countDocuments()).isEqualTo(2_000);
        } finally {
            server.shutdown();
        }
        using(new DiskBackend(directory.resolve("read-models.mv").toString()), reopened ->
                assertThat(reopened.countDocuments()).as("the store opens again").isEqualTo(2_000));
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
