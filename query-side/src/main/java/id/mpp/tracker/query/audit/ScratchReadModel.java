package id.mpp.tracker.query.audit;

import com.mongodb.client.MongoClient;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.util.UUID;

/** A read model in a database of its own, for one replay, dropped when closed; the live read models stay untouched. */
final class ScratchReadModel implements AutoCloseable {

    private final MongoTemplate template;

    ScratchReadModel(MongoClient client, String liveDatabase, MongoConverter converter) {
        String name = liveDatabase + "-replay-" + UUID.randomUUID().toString().substring(0, 8);
        this.template = new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, name), converter);
    }

    MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        template.getDb().drop();
    }
}
