package id.mpp.tracker.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.privacy.SealedApplicant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Per-subject AES-256-GCM keys in MongoDB, each stored wrapped under the master key. Subject ids are an HMAC of
 * the NIK under a key derived from the master key, so the key store holds no NIK.
 */
public class MongoPersonalDataVault implements PersonalDataVault {

    static final String COLLECTION = "data_subject_keys";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoTemplate mongo;
    private final SecretKey masterKey;
    private final SecretKeySpec subjectIdKey;
    private final SecureRandom random = new SecureRandom();
    private final KeyDurability durability;

    public MongoPersonalDataVault(MongoTemplate mongo, MasterKey masterKey) {
        this(mongo, masterKey, KeyDurability.JOURNALED);
    }

    public MongoPersonalDataVault(MongoTemplate mongo, MasterKey masterKey, KeyDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
        this.masterKey = masterKey.key();
        this.subjectIdKey = new SecretKeySpec(hmac(masterKey.key(), "data-subject-id"), "HmacSHA256");
    }

    @Override
    public String dataSubjectId(Nik nik) {
        return HexFormat.of().formatHex(hmac(subjectIdKey, nik.value()));
    }

    @Override
    public SealedApplicant seal(Applicant applicant) {
        String subject = dataSubjectId(applicant.nik());
        var plain = new PlainApplicant(applicant.nik().value(), applicant.name(), applicant.phone(), applicant.email());
        SubjectKey key = keyOf(subject);
        try {
            byte[] ciphertext = encrypt(key.secret(), JSON.writeValueAsBytes(plain), boundTo(subject, key.id()));
            return new SealedApplicant(subject, key.id(), Base64.getEncoder().encodeToString(ciphertext));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot seal personal data", e);
        }
    }

    @Override
    public Optional<Applicant> open(SealedApplicant sealed) {
        return existingKey(sealed.dataSubjectId()).filter(key -> key.id().equals(sealed.keyId())).map(key -> {
            byte[] plain = decrypt(key.secret(), Base64.getDecoder().decode(sealed.ciphertext()),
                    boundTo(sealed.dataSubjectId(), sealed.keyId()));
            try {
                PlainApplicant applicant = JSON.readValue(plain, PlainApplicant.class);
                return new Applicant(Nik.of(applicant.nik()), applicant.name(), applicant.phone(), applicant.email());
            } catch (IOException e) {
                throw new IllegalStateException("Sealed personal data of an unknown form", e);
            }
        });
    }

    @Override
    public Optional<String> currentKeyId(String dataSubjectId) {
        return Optional.ofNullable(mongo.findById(dataSubjectId, Document.class, COLLECTION)).map(key -> key.getString("keyId"));
    }

    @Override
    public void shred(String dataSubjectId, String keyId) {
        mongo.remove(query(where("_id").is(dataSubjectId).and("keyId").is(keyId)), COLLECTION);
        durability.ensureDurable();
    }

    private SubjectKey keyOf(String subject) {
        return existingKey(subject).orElseGet(() -> {
            var key = new SubjectKey(UUID.randomUUID().toString(), newKey());
            try {
                mongo.insert(new Document("_id", subject)
                        .append("keyId", key.id())
                        .append("wrappedKey", Base64.getEncoder().encodeToString(
                                encrypt(masterKey, key.secret().getEncoded(), boundTo(subject, key.id()))))
                        .append("createdAt", new Date()), COLLECTION);
                durability.ensureDurable();
                return key;
            } catch (DuplicateKeyException createdConcurrently) {
                return existingKey(subject).orElseThrow();
            }
        });
    }

    private Optional<SubjectKey> existingKey(String subject) {
        return Optional.ofNullable(mongo.findById(subject, Document.class, COLLECTION)).map(document -> {
            String id = document.getString("keyId");
            byte[] secret = decrypt(masterKey, Base64.getDecoder().decode(document.getString("wrappedKey")), boundTo(subject, id));
            return new SubjectKey(id, new SecretKeySpec(secret, "AES"));
        });
    }

    /** What a ciphertext is bound to (its GCM associated data): moving it to another subject or key breaks it. */
    private static String boundTo(String subject, String keyId) {
        return subject + "/" + keyId;
    }

    private record SubjectKey(String id, SecretKey secret) {
    }

    private byte[] encrypt(SecretKey key, byte[] plain, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] ivAndCiphertext, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong master key or tampered data", e);
        }
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    record PlainApplicant(String nik, String name, String phone, String email) {
    }
}
