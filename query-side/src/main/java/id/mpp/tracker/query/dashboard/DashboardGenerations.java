package id.mpp.tracker.query.dashboard;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Which generation of the dashboard collections the queries read and the live projection writes. A rebuild fills
 * the next generation beside the current one and then switches both; every query-side instance reads the switch
 * from MongoDB (cached for {@link #CACHED_FOR}).
 */
@Component
class DashboardGenerations {

    static final Duration CACHED_FOR = Duration.ofSeconds(1);
    private static final String COLLECTION = "projection_generations";
    private static final String ID = "dashboards";

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile int cached;
    private volatile Instant readAt = Instant.MIN;

    DashboardGenerations(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    int current() {
        Instant now = clock.instant();
        if (readAt.plus(CACHED_FOR).isBefore(now) || readAt.isAfter(now)) {
            Document generation = mongo.findById(ID, Document.class, COLLECTION);
            cached = generation == null ? 0 : generation.getInteger("current", 0);
            readAt = now;
        }
        return cached;
    }

    void switchTo(int generation) {
        mongo.upsert(Query.query(where("_id").is(ID)), new Update().set("current", generation), COLLECTION);
        cached = generation;
        readAt = clock.instant();
    }

    /** The collection's name in a generation: generation 0 has the plain name. */
    static String name(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }
}
