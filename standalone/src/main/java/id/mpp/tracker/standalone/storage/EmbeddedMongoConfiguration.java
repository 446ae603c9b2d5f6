package id.mpp.tracker.standalone.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.mpp.tracker.platform.privacy.PersonalDataKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read models, tracking tokens and sagas in a MongoDB-wire-compatible server inside the process, reached
 * through the real MongoDB driver, unless a MongoDB is configured ({@code spring.data.mongodb.uri}).
 * Its on-disk store commits about once a second: what a crash loses of read models and tokens, the idempotent
 * projections redo; keys of personal data live in a store of their own, committed as soon as they are written.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

    private static final String ON_DISK = "!'${mpp.storage.read-models:h2}'.equalsIgnoreCase('memory')";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean
    MongoBackend readModelStore(StorageProperties storage) throws IOException {
        if (storage.readModels() == StorageProperties.ReadModels.MEMORY) {
            return new MemoryBackend();
        }
        Path directory = storage.dataDir().resolve("read-models").toAbsolutePath();
        Files.createDirectories(directory);
        return new DiskBackend(directory.resolve("read-models.mv").toString());
    }

    /**
     * Unlike read models, a person's key cannot be rebuilt from the events: on disk, keys have a store of their own,
     * committed at each change. (In memory, nothing survives a restart anyway.)
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(ON_DISK)
    EmbeddedKeyStore embeddedKeyStore(StorageProperties storage,
                                      @Value("${spring.data.mongodb.database:mpp}") String database) throws IOException {
        return new EmbeddedKeyStore(storage.dataDir().resolve("keys"), database);
    }

    @Bean
    @ConditionalOnExpression(ON_DISK)
    PersonalDataKeyStore personalDataKeyStore(EmbeddedKeyStore keys, MongoTemplate readModels) {
        keys.takeOverKeysFrom(readModels);
        return keys.keyStore();
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongo(MongoBackend readModelStore, StorageProperties storage) {
        MongoServer server = new MongoServer(readModelStore);
        server.bind("127.0.0.1", 0);
        log.info("Read models: embedded MongoDB-compatible server on port {} ({})", server.getLocalAddress().getPort(),
                storage.readModels());
        return server;
    }

    @Bean
    MongoConnectionDetails readModelConnection(MongoServer embeddedMongo,
                                               @Value("${spring.data.mongodb.database:mpp}") String database) {
        InetSocketAddress address = embeddedMongo.getLocalAddress();
        var connection = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/" + database);
        return () -> connection;
    }
}
