package id.mpp.tracker.standalone.seed;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the platform's personal-data vault sees as its MongoDB while seeding, so that the vault itself seals every
 * applicant (its cipher, its key wrapping, its documents) while its keys reach the store in bulk with each batch,
 * not in a round trip per person. The vault reads a subject's key by id and inserts a new one; here a new key waits
 * with the batch whose events it seals, and is found there until that batch is stored. Subjects never seen before
 * (nearly all: the store was empty) are answered without asking the store; a subject seen before is looked up in
 * the store when its key is no longer waiting.
 */
final class BulkKeyStore extends MongoTemplate {

    private final EventBatches batches;
    private final LongSet subjectsSeen = new LongSet();
    private final Map<Object, Document> waiting = new ConcurrentHashMap<>();

    /** @param store the vault's own key store, which keys reach in bulk */
    BulkKeyStore(MongoTemplate store, EventBatches batches) {
        super(store.getMongoDatabaseFactory(), store.getConverter());
        this.batches = batches;
    }

    @Override
    public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
        Document key = waiting.get(id);
        if (key != null) {
            return entityClass.cast(key);
        }
        return subjectsSeen.contains(prefix(id)) ? super.findById(id, entityClass, collectionName) : null;
    }

    @Override
    public <T> T insert(T objectToSave, String collectionName) {
        if (!(objectToSave instanceof Document key)) {
            throw new IllegalStateException("The vault stores documents, not " + objectToSave.getClass());
        }
        Object id = key.get("_id");
        waiting.put(id, key);
        subjectsSeen.add(prefix(id));
        batches.key(collectionName, key);
        return objectToSave;
    }

    /** A batch's keys are in the store now. */
    void stored(List<Document> keys) {
        keys.forEach(key -> waiting.remove(key.get("_id"), key));
    }

    /** Subject ids are hex HMACs: their first 64 bits tell subjects apart all but never, and a clash costs a lookup. */
    private static long prefix(Object id) {
        String text = id.toString();
        return text.length() >= 16 ? Long.parseUnsignedLong(text.substring(0, 16), 16) : text.hashCode();
    }
}
