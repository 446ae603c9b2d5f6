package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.TrackingNumber;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.random.RandomGenerator;

/**
 * Tracking numbers, claimed as the command side's issuer claims them (a document per number, keyed by it, in its
 * collection), but in bulk with each batch; numbers are drawn as it draws them, and one already given out in this
 * seed is drawn again, so the bulk insert never meets a duplicate. The claim is dated when the application was
 * submitted in the simulated past.
 */
final class TrackingClaims {

    /** The collection of {@code MongoTrackingNumberIssuer} on the command side. */
    static final String COLLECTION = "tracking_number_claims";

    private final RandomGenerator random;
    private final EventBatches batches;
    private final LongSet issued = new LongSet();

    TrackingClaims(RandomGenerator random, EventBatches batches) {
        this.random = random;
        this.batches = batches;
    }

    TrackingNumber issueFor(ApplicationId applicationId, Instant at) {
        TrackingNumber number;
        do {
            number = TrackingNumber.generate(random);
        } while (!issued.add(packed(number)));
        batches.claim(COLLECTION, new Document("_id", number.value())
                .append("applicationId", applicationId.value())
                .append("claimedAt", Date.from(at)));
        return number;
    }

    /** Ten characters of digits and capitals, six bits each, in one long. */
    private static long packed(TrackingNumber number) {
        long packed = 0;
        for (char c : number.value().toCharArray()) {
            packed = packed << 6 | (c - '0');
        }
        return packed;
    }
}
