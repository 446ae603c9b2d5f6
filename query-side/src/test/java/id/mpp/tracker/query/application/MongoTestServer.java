package id.mpp.tracker.query.application;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.mpp.tracker.platform.privacy.MasterKey;
import id.mpp.tracker.platform.privacy.MongoPersonalDataVault;
import id.mpp.tracker.privacy.PersonalDataVault;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** A MongoDB for tests: the one {@code MONGODB_URI} names, or else an in-process server on a free port. */
public final class MongoTestServer implements AutoCloseable {

    private static final MasterKey MASTER_KEY = randomMasterKey();

    private final MongoServer server;
    private final MongoClient client;

    private MongoTestServer(MongoServer server, String uri) {
        this.server = server;
        this.client = MongoClients.create(uri);
    }

    public static MongoTestServer start() {
        String uri = System.getenv("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            return new MongoTestServer(null, uri);
        }
        var server = new MongoServer(new MemoryBackend());
        return new MongoTestServer(server, server.bindAndGetConnectionString());
    }

    /** A database no other test uses; drop it when done. */
    public MongoTemplate freshDatabase() {
        return new MongoTemplate(client, "mpp-test-" + UUID.randomUUID());
    }

    /** The real vault, keeping its keys in that database. */
    public static PersonalDataVault vault(MongoTemplate database) {
        return new MongoPersonalDataVault(database, MASTER_KEY);
    }

    private static MasterKey randomMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return MasterKey.fromBase64(Base64.getEncoder().encodeToString(key));
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
