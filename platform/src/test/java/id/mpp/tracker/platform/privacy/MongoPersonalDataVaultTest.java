package id.mpp.tracker.platform.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.privacy.SealedApplicant;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoPersonalDataVaultTest {

    private static final Applicant SITI = new Applicant(Nik.parse("3171014505900002"), "Siti Rahmawati",
            "+6281234567890", "siti.rahmawati@example.id");
    private static final Applicant BUDI = new Applicant(Nik.parse("3507011203850004"), "Budi Santoso",
            "+6285712345678", "budi.santoso@example.id");
    private static final String MASTER_KEY_BASE64 = randomKeyBase64();
    private static final MasterKey MASTER_KEY = MasterKey.fromBase64(MASTER_KEY_BASE64);
    private static final MasterKey OTHER_MASTER_KEY = MasterKey.fromBase64(randomKeyBase64());

    private static MongoServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private MongoPersonalDataVault vault;

    /** The MongoDB that {@code MONGODB_URI} names, or else an in-process server on a free port. */
    @BeforeAll
    static void startMongo() {
        String uri = System.getenv("MONGODB_URI");
        if (uri == null || uri.isBlank()) {
            server = new MongoServer(new MemoryBackend());
            uri = server.bindAndGetConnectionString();
        }
        client = MongoClients.create(uri);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }

    @BeforeEach
    void emptyKeyStore() {
        mongo = new MongoTemplate(client, "mpp-vault-test-" + UUID.randomUUID());
        vault = new MongoPersonalDataVault(mongo, MASTER_KEY);
    }

    @AfterEach
    void dropDatabase() {
        mongo.getDb().drop();
    }

    @Test
    void opensWhatItSealed() {
        var sealed = vault.seal(SITI);

        assertThat(sealed.dataSubjectId()).isEqualTo(vault.dataSubjectId(SITI.nik()));
        assertThat(vault.open(sealed)).contains(SITI);
        // after a restart, with the same master key from the environment
        assertThat(new MongoPersonalDataVault(mongo, MasterKey.fromBase64(MASTER_KEY_BASE64)).open(sealed)).contains(SITI);
    }

    @Test
    void opensAnApplicantWhoGaveNeitherPhoneNorEmail() {
        var withoutContact = new Applicant(BUDI.nik(), BUDI.name(), null, null);

        assertThat(vault.open(vault.seal(withoutContact))).contains(withoutContact);
    }

    @Test
    void sealsEachTimeAfreshUnderThePersonsOneKey() {
        var first = vault.seal(SITI);
        var second = vault.seal(SITI);

        assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
        assertThat(second.dataSubjectId()).isEqualTo(first.dataSubjectId());
        assertThat(vault.open(first)).contains(SITI);
        assertThat(vault.open(second)).contains(SITI);
        assertThat(keyDocuments()).hasSize(1);
    }

    @Test
    void theSealedFormHoldsNoPersonalDataInTheClear() {
        var sealed = vault.seal(SITI);

        String decoded = new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain(personalData(SITI));
        assertThat(sealed.ciphertext()).doesNotContain(personalData(SITI));
        assertThat(sealed.dataSubjectId()).doesNotContain(personalData(SITI));
    }

    @Test
    void theKeyStoreHoldsNoPersonalData() {
        var siti = vault.seal(SITI);
        var budi = vault.seal(BUDI);

        List<RawBsonDocument> stored = mongo.getDb()
                .getCollection(MongoPersonalDataVault.COLLECTION, RawBsonDocument.class).find().into(new ArrayList<>());

        assertThat(stored).hasSize(2).allSatisfy(document -> {
            var buffer = document.getByteBuffer().asNIO();
            byte[] bson = new byte[buffer.remaining()];
            buffer.get(bson);
            assertThat(new String(bson, StandardCharsets.ISO_8859_1))
                    .doesNotContain(personalData(SITI))
                    .doesNotContain(personalData(BUDI));
            assertThat(document.get("_id").getBsonType()).isEqualTo(BsonType.STRING);
            assertThat(document.get("wrappedKey").getBsonType()).isEqualTo(BsonType.STRING);
        });
        assertThat(stored).extracting(document -> document.getString("_id").getValue())
                .containsExactlyInAnyOrder(siti.dataSubjectId(), budi.dataSubjectId());
    }

    @Test
    void aPersonsSubjectIdIsStableAndRevealsNothing() {
        String siti = vault.dataSubjectId(SITI.nik());

        assertThat(siti)
                .matches("[0-9a-f]{64}")
                .isEqualTo(vault.dataSubjectId(Nik.of(SITI.nik().value())))
                .isEqualTo(new MongoPersonalDataVault(mongo, MasterKey.fromBase64(MASTER_KEY_BASE64)).dataSubjectId(SITI.nik()))
                .isNotEqualTo(vault.dataSubjectId(BUDI.nik()))
                .isNotEqualTo(vault.dataSubjectId(Nik.of("3171014505900003")))
                .doesNotContain(SITI.nik().value());
    }

    @Test
    void subjectIdsDependOnTheMasterKey() {
        var other = new MongoPersonalDataVault(mongo, OTHER_MASTER_KEY);

        assertThat(other.dataSubjectId(SITI.nik())).isNotEqualTo(vault.dataSubjectId(SITI.nik()));
    }

    @Test
    void shreddingMakesTheDataUnreadableOnceAndForAll() {
        var siti = vault.seal(SITI);
        var budi = vault.seal(BUDI);

        vault.shred(siti.dataSubjectId(), siti.keyId());

        assertThat(vault.open(siti)).isEmpty();
        assertThat(keyDocument(siti)).isNull();
        assertThat(new MongoPersonalDataVault(mongo, MASTER_KEY).open(siti)).isEmpty();
        assertThat(vault.open(budi)).as("another person's data").contains(BUDI);
    }

    @Test
    void shreddingAgainOrShreddingAnUnknownSubjectIsHarmless() {
        var siti = vault.seal(SITI);
        var budi = vault.seal(BUDI);
        vault.shred(siti.dataSubjectId(), siti.keyId());

        assertThatCode(() -> vault.shred(siti.dataSubjectId(), siti.keyId())).doesNotThrowAnyException();
        assertThatCode(() -> vault.shred(vault.dataSubjectId(Nik.of("3171014505900003")), "no-such-key")).doesNotThrowAnyException();

        assertThat(vault.open(siti)).isEmpty();
        assertThat(vault.open(budi)).contains(BUDI);
        assertThat(keyDocuments()).hasSize(1);
    }

    @Test
    void sealingAfterAShredStartsANewKey() {
        var before = vault.seal(SITI);
        vault.shred(before.dataSubjectId(), before.keyId());

        var after = vault.seal(SITI);

        assertThat(after.dataSubjectId()).isEqualTo(before.dataSubjectId());
        assertThat(keyDocument(after)).isNotNull();
        assertThat(vault.open(after)).contains(SITI);
    }

    @Test
    void dataSealedBeforeAShredStaysErasedWhenThePersonHasANewKey() {
        var before = vault.seal(SITI);
        vault.shred(before.dataSubjectId(), before.keyId());
        vault.seal(SITI);

        // "empty once the subject's key has been shredded", also after the person came back
        assertThat(vault.open(before)).isEmpty();
    }

    @Test
    void aVaultWithAnotherMasterKeyCannotOpenTheData() {
        var sealed = vault.seal(SITI);
        var other = new MongoPersonalDataVault(mongo, OTHER_MASTER_KEY);

        assertThatThrownBy(() -> other.open(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong master key")
                .hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @ParameterizedTest(name = "byte {0} from the end flipped")
    @ValueSource(ints = {1, 8, 16, 17, 30, 60})
    void refusesATamperedCiphertext(int fromTheEnd) {
        var sealed = vault.seal(SITI);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - fromTheEnd] ^= 0x01;
        var tampered = new SealedApplicant(sealed.dataSubjectId(), sealed.keyId(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> vault.open(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tampered")
                .hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void refusesACiphertextCutShortOrLengthened() {
        var sealed = vault.seal(SITI);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());

        for (byte[] changed : List.of(Arrays.copyOf(bytes, bytes.length - 1), Arrays.copyOf(bytes, bytes.length + 1))) {
            var tampered = new SealedApplicant(sealed.dataSubjectId(), sealed.keyId(), Base64.getEncoder().encodeToString(changed));
            assertThatThrownBy(() -> vault.open(tampered)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void opensNoOnesDataFromOnePersonsCiphertextPassedOffAsAnothers() {
        var siti = vault.seal(SITI);
        var budi = vault.seal(BUDI);

        assertOpensNothing(new SealedApplicant(budi.dataSubjectId(), budi.keyId(), siti.ciphertext()));
        assertOpensNothing(new SealedApplicant(siti.dataSubjectId(), siti.keyId(), budi.ciphertext()));
    }

    /** Refused, or at most taken for data under a key that no longer exists: never opened. */
    private void assertOpensNothing(SealedApplicant mismatched) {
        try {
            assertThat(vault.open(mismatched)).isEmpty();
        } catch (IllegalStateException refused) {
            assertThat(refused).hasMessageContaining("tampered");
        }
    }

    @RepeatedTest(3)
    void concurrentFirstSealsOfAPersonEndWithOneKeyThatOpensThemAll() throws Exception {
        int threads = 6;
        var allFoundNoKey = new CountDownLatch(threads);
        // holds every thread after it found no key, so that all of them go on to create one
        var racing = new MongoTemplate(client, mongo.getDb().getName()) {
            @Override
            public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
                T found = super.findById(id, entityClass, collectionName);
                if (found == null && allFoundNoKey.getCount() > 0) {
                    allFoundNoKey.countDown();
                    awaitQuietly(allFoundNoKey);
                }
                return found;
            }
        };
        var racingVault = new MongoPersonalDataVault(racing, MASTER_KEY);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SealedApplicant>> seals = IntStream.range(0, threads)
                    .mapToObj(thread -> pool.submit(() -> racingVault.seal(SITI))).toList();
            List<SealedApplicant> sealed = new ArrayList<>();
            for (Future<SealedApplicant> seal : seals) {
                sealed.add(resultOf(seal));
            }

            assertThat(allFoundNoKey.getCount()).as("threads still to find no key").isZero();
            assertThat(keyDocuments()).hasSize(1);
            assertThat(sealed).extracting(SealedApplicant::dataSubjectId).containsOnly(vault.dataSubjectId(SITI.nik()));
            assertThat(sealed).allSatisfy(each -> assertThat(vault.open(each)).contains(SITI));
        } finally {
            pool.shutdownNow();
        }
    }

    private Document keyDocument(SealedApplicant sealed) {
        return mongo.getCollection(MongoPersonalDataVault.COLLECTION).find(new Document("_id", sealed.dataSubjectId())).first();
    }

    private List<Document> keyDocuments() {
        return mongo.getCollection(MongoPersonalDataVault.COLLECTION).find().into(new ArrayList<>());
    }

    private static String[] personalData(Applicant applicant) {
        return new String[]{applicant.nik().value(), applicant.name(), applicant.phone(), applicant.email()};
    }

    private static String randomKeyBase64() {
        byte[] key = new byte[MasterKey.BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T resultOf(Future<T> future) throws InterruptedException, TimeoutException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("A concurrent seal failed", e.getCause());
        }
    }
}
