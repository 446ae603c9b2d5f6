package id.mpp.tracker.query.application;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.UUID;

/** A MongoDB for tests: the one {@code MONGODB_URI} names, or else an in-process server on a free port. */
final class MongoTestServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private MongoTestServer(MongoServer server, String uri) {
        this.server = server;
        this.client = MongoClients.create(uri);
    }

    static MongoTestServer start() {
        String uri = System.getenv("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            return new MongoTestServer(null, uri);
        }
        var server = new MongoServer(new MemoryBackend());
        return new MongoTestServer(server, server.bindAndGetConnectionString());
    }

    /** A database no other test uses; drop it when done. */
    MongoTemplate freshDatabase() {
        return new MongoTemplate(client, "mpp-test-" + UUID.randomUUID());
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
