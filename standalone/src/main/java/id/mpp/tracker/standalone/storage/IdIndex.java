package id.mpp.tracker.standalone.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A collection's {@code _id} index, answered for string and ObjectId ids (all the project uses) by the collection's
 * own map of documents, which is keyed by {@code _id} already. The H2 backend keeps a second tree for it, keyed by
 * Java-serialized key objects: every insert read and rewrote a leaf of both, and profiles of bulk inserts showed
 * that second tree's pages, read back and deserialized, to be most of their cost. Ids of any other type (numbers,
 * documents: their index form is normalized, so it is not the id itself) stay in that tree as before. Stores
 * written by the H2 backend hold every id there: lookups of string and ObjectId ids no longer read it, and its
 * entries for them are skipped when it is walked.
 */
final class IdIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Object, Document> documents;
    private final MVMap<KeyValue, Object> otherIds;

    IdIndex(MVMap<Object, Document> documents, MVMap<KeyValue, Object> otherIds, String name, List<IndexKey> keys,
            boolean sparse) {
        super(name, keys, sparse);
        this.documents = documents;
        this.otherIds = otherIds;
    }

    /** An id that is its own index form, as the documents' map is keyed by it. */
    private static Object plain(KeyValue key) {
        Object id = key.size() == 1 ? key.get(0) : null;
        return id instanceof String || id instanceof ObjectId ? id : null;
    }

    /**
     * The collection has put the document under its id before its indexes are told, after asking each whether it may
     * ({@link #checkAdd}): asked again here, as the backend's indexes ask, the id would be found and refused.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (plain(new KeyValue(position)) == null) {
            super.add(document, position, collection);
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        Object id = plain(key);
        if (id == null) {
            return otherIds.remove(key);
        }
        // the collection removes the document itself, at the position answered here
        return documents.containsKey(id) ? id : null;
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return plain(key) != null || otherIds.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> Stream.concat(
                documents.keySet().stream()
                        .filter(id -> id instanceof String || id instanceof ObjectId)
                        .map(id -> (Map.Entry<KeyValue, Object>) new SimpleImmutableEntry<KeyValue, Object>(new KeyValue(id), id)),
                otherIds.entrySet().stream()
                        .filter(entry -> plain(entry.getKey()) == null)).iterator();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        Object id = plain(key);
        if (id == null) {
            return otherIds.get(key);
        }
        return documents.containsKey(id) ? id : null;
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
