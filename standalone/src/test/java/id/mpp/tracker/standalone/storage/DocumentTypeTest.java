package id.mpp.tracker.standalone.storage;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents go to pages as BSON and come back equal; anything else, and pages written before, keep H2's form. */
class DocumentTypeTest {

    private final DocumentType type = new DocumentType();

    @Test
    void aDocumentOfEveryKindOfValueReadsBackEqual() {
        Document document = new Document("_id", "app-1")
                .append("objectId", new ObjectId())
                .append("count", 42)
                .append("total", 4_200_000_000L)
                .append("ratio", 0.875)
                .append("amount", new Decimal128(new BigDecimal("12.50")))
                .append("open", true)
                .append("none", null)
                .append("at", Instant.parse("2026-12-01T03:04:05.678Z"))
                .append("key", UUID.randomUUID())
                .append("sealed", new BinData(new byte[] {1, 2, 3}))
                .append("documents", List.of("KTP", "KK"))
                .append("applicant", new Document("nik", "sealed").append("names", List.of(new Document("n", 1))));

        ByteBuffer page = written(document);

        assertThat(page.get(0)).isEqualTo(DocumentType.BSON);
        Object read = type.read(page);
        assertThat(read).isEqualTo(document);
        assertThat(page.hasRemaining()).isFalse();
    }

    @Test
    void aValueBsonCannotHoldKeepsH2sForm() {
        Document document = new Document("_id", "app-2").append("small", (short) 7);

        ByteBuffer page = written(document);

        assertThat(page.get(0)).isNotEqualTo(DocumentType.BSON);
        assertThat(type.read(page)).isEqualTo(document);
    }

    @Test
    void aValueWrittenByH2sOwnTypeReadsAsEver() {
        Document document = new Document("_id", "app-3").append("status", "SUBMITTED");
        var buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        new ObjectDataType().write(buffer, "not a document");
        ByteBuffer page = buffer.getBuffer().flip();

        assertThat(type.read(page)).isEqualTo(document);
        assertThat(type.read(page)).isEqualTo("not a document");
    }

    private ByteBuffer written(Object value) {
        var buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }
}
