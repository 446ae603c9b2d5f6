package id.mpp.tracker.command.tracking;

import id.mpp.tracker.command.TestMongo;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.TrackingNumber;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import static id.mpp.tracker.command.tracking.MongoTrackingNumberIssuer.COLLECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Runs against the MongoDB named by MONGODB_URI, or else an in-process server. */
class MongoTrackingNumberIssuerTest {

    private static final String DATABASE = "mpp-tracker-issuer-test";
    private static final ApplicationId RIVAL = ApplicationId.of("rival-application");

    private static TestMongo testMongo;

    private MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        testMongo = TestMongo.connect();
    }

    @AfterAll
    static void disconnect() {
        testMongo.close();
    }

    @BeforeEach
    void setUp() {
        mongo = testMongo.database(DATABASE);
    }

    @AfterEach
    void dropClaims() {
        mongo.dropCollection(COLLECTION);
    }

    @Test
    void issuesDistinctValidNumbers() {
        var issuer = new MongoTrackingNumberIssuer(mongo);

        List<TrackingNumber> issued = IntStream.range(0, 200).mapToObj(i -> issuer.issueFor(ApplicationId.random())).toList();

        assertThat(issued).doesNotHaveDuplicates()
                .allSatisfy(number -> assertThat(TrackingNumber.parse(number.value())).isEqualTo(number));
        assertThat(mongo.getCollection(COLLECTION).countDocuments()).isEqualTo(200);
    }

    @Test
    void claimsTheNumberForTheApplication() {
        ApplicationId applicationId = ApplicationId.random();

        TrackingNumber number = new MongoTrackingNumberIssuer(mongo).issueFor(applicationId);

        Document claim = claimOf(number.value());
        assertThat(claim.getString("applicationId")).isEqualTo(applicationId.value());
        assertThat(claim.get("claimedAt")).isInstanceOf(Date.class);
    }

    @Test
    void aNumberCanBeClaimedOnlyOnce() {
        mongo.insert(new Document("_id", "K7M2QX9P4R").append("applicationId", RIVAL.value()), COLLECTION);

        assertThatThrownBy(() -> mongo.insert(new Document("_id", "K7M2QX9P4R").append("applicationId", "other"), COLLECTION))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void drawsAgainWhenTheNumberIsAlreadyClaimed() {
        var rivals = new RivalClaims(mongo, 1);
        ApplicationId applicationId = ApplicationId.random();

        TrackingNumber number = new MongoTrackingNumberIssuer(rivals).issueFor(applicationId);

        assertThat(rivals.claimed).hasSize(1).doesNotContain(number.value());
        assertThat(claimOf(rivals.claimed.get(0)).getString("applicationId")).isEqualTo(RIVAL.value());
        assertThat(claimOf(number.value()).getString("applicationId")).isEqualTo(applicationId.value());
        assertThat(mongo.getCollection(COLLECTION).countDocuments()).isEqualTo(2);
    }

    @Test
    void givesUpAfterTenNumbersTakenInARow() {
        var rivals = new RivalClaims(mongo, Integer.MAX_VALUE);

        assertThatThrownBy(() -> new MongoTrackingNumberIssuer(rivals).issueFor(ApplicationId.random()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("10 attempts");
        assertThat(rivals.claimed).hasSize(10);
        assertThat(mongo.find(Query.query(where("applicationId").ne(RIVAL.value())), Document.class, COLLECTION)).isEmpty();
    }

    private Document claimOf(String number) {
        Document claim = mongo.findById(number, Document.class, COLLECTION);
        assertThat(claim).as("claim of " + number).isNotNull();
        return claim;
    }

    /**
     * The issuer's random source is its own, so a collision cannot be arranged in advance: instead another
     * application claims each candidate in the database just before the issuer tries to.
     */
    private static final class RivalClaims extends MongoTemplate {
        private final List<String> claimed = new ArrayList<>();
        private int remaining;

        RivalClaims(MongoTemplate database, int times) {
            super(database.getMongoDatabaseFactory());
            this.remaining = times;
        }

        @Override
        public <T> T insert(T objectToSave, String collectionName) {
            if (remaining > 0 && objectToSave instanceof Document claim) {
                remaining--;
                String number = claim.getString("_id");
                super.insert(new Document("_id", number).append("applicationId", RIVAL.value()), collectionName);
                claimed.add(number);
            }
            return super.insert(objectToSave, collectionName);
        }
    }
}
