package id.mpp.tracker.query.privacy;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.application.InvalidValueException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Who read whose personal data, when and why: the record a data subject may ask to see. */
@Component
public class PersonalDataAccessLog {

    static final String COLLECTION = "personal_data_access_log";

    private final MongoTemplate mongo;

    PersonalDataAccessLog(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("dataSubjectId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
    }

    public void record(Actor reader, String dataSubjectId, String applicationId, String purpose, String requestId) {
        mongo.insert(new Access(UUID.randomUUID().toString(), dataSubjectId, Instant.now(), reader.id(), reader.role().name(),
                purpose, applicationId, requestId));
    }

    /** The purpose a reader states in {@code X-Purpose}, as it is logged. */
    public static String purposeOf(String stated) {
        if (stated == null || stated.isBlank()) {
            return "not stated";
        }
        if (stated.length() > 200) {
            throw new InvalidValueException("X-Purpose", "must be at most 200 characters");
        }
        return stated.strip();
    }

    public List<Access> of(String dataSubjectId, int page, int size) {
        var query = Query.query(where("dataSubjectId").is(dataSubjectId))
                .with(Sort.by(Sort.Order.desc("at"))).skip((long) page * size).limit(size);
        return mongo.find(query, Access.class);
    }

    @Document(COLLECTION)
    public record Access(@Id String id, String dataSubjectId, Instant at, String principal, String role, String purpose,
                         String applicationId, String requestId) {
    }
}
