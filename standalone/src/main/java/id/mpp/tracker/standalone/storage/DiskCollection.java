package id.mpp.tracker.standalone.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import org.h2.mvstore.MVMap;

import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection of the on-disk backend. A query for a list of ids ({@code {_id: {$in: [...]}}}, how a batch reads the
 * documents it touches) is answered by the index of ids alone: the server would otherwise check each document found
 * against the whole list once more, which costs the square of the batch's size.
 */
final class DiskCollection extends H2Collection {

    private static final String ID = "_id";
    private static final String IN = "$in";

    DiskCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
                                         int limit, int batchSize, Document fieldSelector) {
        if (!isIdList(query)) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // the index found exactly the listed ids that exist, each once
        Stream<Document> found = StreamSupport.stream(positions.spliterator(), false).map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(found, new Document(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private static boolean isIdList(Document query) {
        return query.size() == 1 && query.get(ID) instanceof Document condition
                && condition.size() == 1 && condition.get(IN) != null;
    }
}
