package id.mpp.tracker.query.dashboard;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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
 * from MongoDB (cached for {@link #CACHED_FOR}). The serving generation also records which {@link DashboardStore#SCHEMA}
 * its documents were counted with, so that a version counting something new rebuilds the dashboards it finds.
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
        recordTheSchemaOfAnEmptyStore();
    }

    /**
     * Before the live projection starts: dashboards not yet counted will be counted with this version's schema;
     * counted ones without a recorded schema come from before schemas were recorded.
     */
    private void recordTheSchemaOfAnEmptyStore() {
        if (mongo.findById(ID, Document.class, COLLECTION) == null) {
            boolean counted = mongo.collectionExists(DashboardStore.BACKLOG)
                    && mongo.getCollection(DashboardStore.BACKLOG).find().limit(1).first() != null;
            mongo.upsert(Query.query(where("_id").is(ID)),
                    new Update().set("current", 0).set("schema", counted ? 1 : DashboardStore.SCHEMA), COLLECTION);
        }
    }

    /** The schema the serving generation was counted with. */
    int schema() {
        Document generation = mongo.findById(ID, Document.class, COLLECTION);
        return generation == null ? DashboardStore.SCHEMA : generation.getInteger("schema", 1);
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
        mongo.upsert(Query.query(where("_id").is(ID)),
                new Update().set("current", generation).set("schema", DashboardStore.SCHEMA), COLLECTION);
        cached = generation;
        readAt = clock.instant();
    }

    /**
     * Claims the rebuilding of the dashboards for {@code owner} until {@code until}, unless another instance holds an
     * unexpired claim: one rebuild at a time across every instance. Renewed by its owner as it goes.
     */
    boolean claimRebuild(String owner, Instant until) {
        Instant now = clock.instant();
        var free = Query.query(new Criteria().andOperator(where("_id").is(ID), new Criteria().orOperator(
                where("rebuildBy").is(null), where("rebuildBy").is(owner), where("rebuildUntil").lt(now))));
        return mongo.updateFirst(free, new Update().set("rebuildBy", owner).set("rebuildUntil", until), COLLECTION)
                .getModifiedCount() == 1;
    }

    void releaseRebuild(String owner) {
        mongo.updateFirst(Query.query(new Criteria().andOperator(where("_id").is(ID), where("rebuildBy").is(owner))),
                new Update().unset("rebuildBy").unset("rebuildUntil"), COLLECTION);
    }

    /** The collection's name in a generation: generation 0 has the plain name. */
    static String name(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }
}
