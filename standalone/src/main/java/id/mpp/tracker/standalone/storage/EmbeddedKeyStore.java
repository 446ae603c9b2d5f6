package id.mpp.tracker.standalone.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import id.mpp.tracker.platform.privacy.PersonalDataKeyStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The keys of personal data in a store of their own, beside the read models' one: committed at every change, which
 * costs little because it holds nothing else (committing the read models' store at every new person rewrote its
 * changed pages many times a second). Reached through the real driver, like the read models.
 */
final class EmbeddedKeyStore implements AutoCloseable {

    /** Where the keys were kept before they had a store of their own. */
    static final String COLLECTION = "data_subject_keys";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKeyStore.class);

    private final DiskBackend backend;
    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate mongo;

    EmbeddedKeyStore(Path directory, String database) throws IOException {
        Files.createDirectories(directory);
        this.backend = new DiskBackend(directory.resolve("keys.mv").toAbsolutePath().toString());
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        this.mongo = new MongoTemplate(client, database);
    }

    PersonalDataKeyStore keyStore() {
        return new PersonalDataKeyStore(mongo, backend::commit);
    }

    /** Moves keys written beside the read models (by an earlier version) into this store, committed before they go. */
    void takeOverKeysFrom(MongoTemplate readModels) {
        if (!readModels.collectionExists(COLLECTION)) {
            return;
        }
        List<Document> keys = readModels.findAll(Document.class, COLLECTION);
        for (Document key : keys) {
            if (mongo.findById(key.get("_id"), Document.class, COLLECTION) == null) {
                mongo.insert(key, COLLECTION);
            }
        }
        backend.commit();
        readModels.dropCollection(COLLECTION);
        log.info("Moved {} keys of personal data into their own store", keys.size());
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
