package id.mpp.tracker.command;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB named by MONGODB_URI, or else an in-process server, for one test class. */
public final class TestMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private TestMongo(MongoServer server, String uri) {
        this.server = server;
        this.client = MongoClients.create(uri);
    }

    public static TestMongo connect() {
        String uri = System.getenv("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            return new TestMongo(null, uri);
        }
        var server = new MongoServer(new MemoryBackend());
        return new TestMongo(server, server.bindAndGetConnectionString());
    }

    public MongoTemplate database(String name) {
        return new MongoTemplate(client, name);
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
