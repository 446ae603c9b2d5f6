package id.mpp.tracker.command.sla;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A named lease in MongoDB that one owner at a time holds, until it lapses unrenewed. Taking it is one atomic
 * upsert: it matches only a lapsed lease or the owner's own, and a held lease makes the insert fail on its key.
 */
class Lease {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final String name;
    private final String owner;
    private final Duration term;
    private final Clock clock;

    Lease(MongoTemplate mongo, String name, String owner, Duration term, Clock clock) {
        this.mongo = mongo;
        this.name = name;
        this.owner = owner;
        this.term = term;
        this.clock = clock;
    }

    /** Takes or renews the lease; false while another owner holds it. */
    boolean acquire() {
        Date now = Date.from(clock.instant());
        var takeable = Query.query(where("_id").is(name)
                .orOperator(where("until").lt(now), where("owner").is(owner)));
        var hold = new Update().set("owner", owner).set("until", Date.from(now.toInstant().plus(term)));
        try {
            mongo.upsert(takeable, hold, COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Lets the lease go at once, so that another instance need not wait for it to lapse. */
    void release() {
        mongo.remove(Query.query(Criteria.where("_id").is(name).and("owner").is(owner)), COLLECTION);
    }

    String owner() {
        return owner;
    }
}
