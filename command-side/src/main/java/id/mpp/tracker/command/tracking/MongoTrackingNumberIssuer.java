package id.mpp.tracker.command.tracking;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.TrackingNumber;
import id.mpp.tracker.command.application.TrackingNumberIssuer;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Date;
import java.util.random.RandomGenerator;

/**
 * Claims each random number in a MongoDB collection keyed by the number, so that no number is issued twice
 * across instances. A claim whose application then fails to be recorded is simply never used.
 */
@Component
class MongoTrackingNumberIssuer implements TrackingNumberIssuer {

    static final String COLLECTION = "tracking_number_claims";
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final RandomGenerator random = new SecureRandom();

    MongoTrackingNumberIssuer(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public TrackingNumber issueFor(ApplicationId applicationId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TrackingNumber candidate = TrackingNumber.generate(random);
            try {
                mongo.insert(new Document("_id", candidate.value())
                        .append("applicationId", applicationId.value())
                        .append("claimedAt", new Date()), COLLECTION);
                return candidate;
            } catch (DuplicateKeyException taken) {
                // another application holds this number: draw again
            }
        }
        throw new IllegalStateException("No free tracking number after " + ATTEMPTS + " attempts");
    }
}
