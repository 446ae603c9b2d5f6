package id.mpp.tracker.standalone.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The value type of the embedded server's collections on disk: each document as BSON, the server's own wire form,
 * instead of H2's default Java serialization, which profiles showed to be most of the cost of writing and reading
 * the store's pages (a class descriptor and a handle table per value). BSON keeps every type the server can hold,
 * since it is what the server answers with. Values written before, and any the server could not send as BSON, keep
 * H2's form and read as ever: the first byte tells which, and BSON's marker is one H2 never writes. A store written
 * with this type is therefore no longer readable by the plain H2 backend.
 */
final class DocumentType extends ObjectDataType {

    /** Above every type tag of H2's {@link ObjectDataType} (the highest it writes is 119). */
    static final byte BSON = (byte) 0xB5;

    /** Bytes in memory per byte stored, as H2 estimates its serialized values, so that its page cache sizes alike. */
    private static final int MEMORY_PER_BYTE = 2;

    private volatile int averageMemory = 256;

    @Override
    public void write(WriteBuffer buff, Object value) {
        byte[] bson = value instanceof Document document ? encode(document) : null;
        if (bson == null) {
            super.write(buff, value);
            return;
        }
        averageMemory = (int) ((bson.length * (long) MEMORY_PER_BYTE + 15L * averageMemory) / 16);
        buff.put(BSON).putVarInt(bson.length).put(bson);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        byte[] bson = new byte[length];
        buff.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : super.getMemory(value);
    }

    /** The document as BSON, or null where BSON cannot hold one of its values (H2's form is kept for it). */
    private static byte[] encode(Document document) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, out);
        } catch (RuntimeException notBson) {
            return null;
        }
        byte[] bson = new byte[out.readableBytes()];
        out.readBytes(bson);
        return bson;
    }
}
