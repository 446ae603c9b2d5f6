package id.mpp.tracker.query.audit;

import com.mongodb.client.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A read model in a database of its own, for one replay, dropped when closed; the live read models stay untouched.
 * Its name carries its creation time, so that one left behind by a crash is dropped by a later replay.
 */
final class ScratchReadModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScratchReadModel.class);
    /** No replay runs longer: a scratch database older than this was left behind. */
    private static final Duration LEFT_BEHIND_AFTER = Duration.ofHours(2);

    private final MongoTemplate template;

    private ScratchReadModel(MongoTemplate template) {
        this.template = template;
    }

    static ScratchReadModel open(MongoClient client, String liveDatabase, MongoConverter converter) {
        Instant now = Instant.now(); // the machine's time, not the business clock a demo may run ahead
        String prefix = liveDatabase + "-r-";
        dropLeftBehind(client, prefix, now);
        // short: MongoDB database names stay under 64 characters
        String name = prefix + Long.toString(now.getEpochSecond(), 36) + "-" + UUID.randomUUID().toString().substring(0, 6);
        return new ScratchReadModel(new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, name), converter));
    }

    private static void dropLeftBehind(MongoClient client, String prefix, Instant now) {
        for (String name : client.listDatabaseNames()) {
            if (name.startsWith(prefix) && createdAt(name.substring(prefix.length())).isBefore(now.minus(LEFT_BEHIND_AFTER))) {
                log.warn("Dropping read model {} left behind by an interrupted replay", name);
                client.getDatabase(name).drop();
            }
        }
    }

    private static Instant createdAt(String suffix) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(suffix.substring(0, suffix.indexOf('-')), 36));
        } catch (RuntimeException notOurs) {
            return Instant.MAX;
        }
    }

    MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        template.getDb().drop();
    }
}
