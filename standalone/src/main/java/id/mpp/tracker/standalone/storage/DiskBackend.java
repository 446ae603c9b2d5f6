package id.mpp.tracker.standalone.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The embedded server's on-disk backend: documents stored as BSON ({@link DocumentType}), ids looked up in the
 * documents' own map ({@link IdIndex}), lists of ids answered by that index alone ({@link DiskCollection}), other
 * unique indexes with keys that compare cheaply ({@link IndexKeyType});
 * everything else is the H2 backend's own, and a store it wrote opens here.
 */
final class DiskBackend extends H2Backend {

    /** The name the server gives every collection's index of {@code _id}. */
    private static final String ID_INDEX = "_id_";

    DiskBackend(String fileName) {
        // H2's own page cache size: larger ones measured slower (more live objects for the collector to trace)
        this(MVStore.open(fileName));
    }

    /** Over a store opened by the caller: a test's, with settings that provoke what a long run meets. */
    DiskBackend(MVStore store) {
        super(store);
    }

    /**
     * Each command (every message of the driver, and the legacy queries of its handshake) reads and writes the store at a version registered as in use, so that the store's background
     * commits and compaction never free a chunk that the command's reads may still reach. Without it, reads racing
     * with commits (and with the removal of a dropped collection's maps) failed with "Chunk … not found" under
     * load, and a store closed in that state would not open again (h2database issues #2118, #4218, #4383).
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        MVStore.TxCounter version = getMvStore().registerVersionUsage();
        try {
            return super.handleMessage(message);
        } finally {
            getMvStore().deregisterVersionUsage(version);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter version = getMvStore().registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            getMvStore().deregisterVersionUsage(version);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /**
     * An inner class, not a nested one: H2Database's constructor opens the indexes already on disk before any field
     * of a subclass is set, and the store is reached through the enclosing backend, which has it by then.
     */
    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursors) {
            super(databaseName, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the maps' names as H2Database gives them
            MVMap<String, Object> meta = getMvStore().openMap("meta." + getFullCollectionNamespace(collectionName));
            return new DiskCollection(this, collectionName, options, documentsOf(collectionName), meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // the map's name as H2Database gives it, so that the indexes already on disk are the ones opened
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Object> map = getMvStore().openMap(mapName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            if (ID_INDEX.equals(indexName)) {
                return new IdIndex(documentsOf(collectionName), map, indexName, keys, sparse);
            }
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        /** The collection's documents by id; the index of ids may open it before the collection does. */
        private MVMap<Object, Document> documentsOf(String collectionName) {
            return getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
        }
    }
}
