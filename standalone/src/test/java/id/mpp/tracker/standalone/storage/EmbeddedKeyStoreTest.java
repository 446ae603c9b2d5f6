package id.mpp.tracker.standalone.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys of personal data in their own store: taken over from beside the read models, and kept across a restart. */
class EmbeddedKeyStoreTest {

    @TempDir
    Path directory;

    private MongoServer readModelServer;
    private MongoClient readModelClient;
    private MongoTemplate readModels;

    @BeforeEach
    void readModelStore() {
        readModelServer = new MongoServer(new MemoryBackend());
        readModelServer.bind("127.0.0.1", 0);
        readModelClient = MongoClients.create("mongodb://127.0.0.1:" + readModelServer.getLocalAddress().getPort());
        readModels = new MongoTemplate(readModelClient, "mpp");
    }

    @AfterEach
    void close() {
        readModelClient.close();
        readModelServer.shutdown();
    }

    @Test
    void keysKeptBesideTheReadModelsMoveIntoTheKeyStoreAndStayThereAcrossARestart() throws Exception {
        readModels.insert(new Document("_id", "subject-a").append("keyId", "k1").append("wrappedKey", "AAAA"), EmbeddedKeyStore.COLLECTION);
        readModels.insert(new Document("_id", "subject-b").append("keyId", "k2").append("wrappedKey", "BBBB"), EmbeddedKeyStore.COLLECTION);

        try (var keys = new EmbeddedKeyStore(directory, "mpp")) {
            keys.takeOverKeysFrom(readModels);
            assertThat(readModels.collectionExists(EmbeddedKeyStore.COLLECTION)).isFalse();
        }

        try (var keys = new EmbeddedKeyStore(directory, "mpp")) {
            keys.takeOverKeysFrom(readModels);
            MongoTemplate store = keys.keyStore().mongo();
            assertThat(store.findById("subject-a", Document.class, EmbeddedKeyStore.COLLECTION)).containsEntry("keyId", "k1");
            assertThat(store.findById("subject-b", Document.class, EmbeddedKeyStore.COLLECTION)).containsEntry("wrappedKey", "BBBB");
        }
    }

    @Test
    void aKeyWrittenIsDurableOnceTheStoreSaysSoEvenWithoutAnOrderlyClose() throws Exception {
        var keys = new EmbeddedKeyStore(directory, "mpp");
        keys.keyStore().mongo().insert(new Document("_id", "subject-c").append("keyId", "k3"), EmbeddedKeyStore.COLLECTION);
        keys.keyStore().durability().ensureDurable();
        // a copy of the file as it is now is what a crash would leave behind
        Path crashed = directory.resolveSibling(directory.getFileName() + "-crashed");
        java.nio.file.Files.createDirectories(crashed);
        java.nio.file.Files.copy(directory.resolve("keys.mv"), crashed.resolve("keys.mv"));
        keys.close();

        try (var reopened = new EmbeddedKeyStore(crashed, "mpp")) {
            assertThat(reopened.keyStore().mongo().findById("subject-c", Document.class, EmbeddedKeyStore.COLLECTION))
                    .containsEntry("keyId", "k3");
        }
    }
}
