package id.mpp.tracker.query.application;

import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.privacy.SealedApplicant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A test of read models against MongoDB through the real driver: one server per test class, a fresh database per
 * test, a vault over it, and the test applicant sealed as the command side stores her.
 */
public abstract class ReadModelTest {

    private static MongoTestServer server;

    protected MongoTemplate mongo;
    protected PersonalDataVault vault;
    protected SealedApplicant siti;

    @BeforeAll
    static void startMongo() {
        server = MongoTestServer.start();
    }

    @AfterAll
    static void stopMongo() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = server.freshDatabase();
        vault = MongoTestServer.vault(mongo);
        siti = vault.seal(ApplicationStream.APPLICANT);
    }

    @AfterEach
    void dropDatabase() {
        mongo.getDb().drop();
    }
}
