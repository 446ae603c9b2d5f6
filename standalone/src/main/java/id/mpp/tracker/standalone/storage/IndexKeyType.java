package id.mpp.tracker.standalone.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The key type of the embedded server's unique indexes on disk, in the order H2 has always given them, at a fraction
 * of the cost. H2's default type orders keys it does not know (the server's {@link KeyValue}) by their Java
 * serialization, and serializes both sides of every comparison again: about forty serializations per index lookup,
 * which profiles showed to be most of the read-model store's CPU. This type compares the same bytes, but keeps the
 * serialized form of each key object it has seen (by identity, weakly, bounded), so that a lookup serializes only
 * the key it looks for. Pages are read and written in H2's own form, so existing stores open as they are, but from
 * the same remembered bytes: writing a page does not serialize its keys again, and the keys of a page read back are
 * remembered as the bytes they were read from.
 */
final class IndexKeyType extends ObjectDataType {

    /** Enough for the inner pages of every index of a national store, where most comparisons happen. */
    private static final long REMEMBERED_KEYS = 50_000;

    /** H2's tag of a value in Java serialization ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}). */
    private static final int SERIALIZED = 19;

    private final Cache<Object, byte[]> serialized = Caffeine.newBuilder()
            .weakKeys()
            .maximumSize(REMEMBERED_KEYS)
            .build();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            // what ObjectDataType does for two objects of a class that is not Comparable
            return a == b ? 0 : compareNotNull(serializedForm(a), serializedForm(b));
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buff, Object key) {
        if (!(key instanceof KeyValue)) {
            super.write(buff, key);
            return;
        }
        byte[] form = serializedForm(key);
        buff.put((byte) SERIALIZED).putVarInt(form.length).put(form);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != SERIALIZED) {
            return super.read(buff);
        }
        buff.get();
        byte[] form = new byte[DataUtils.readVarInt(buff)];
        buff.get(form);
        Object key = deserialize(form);
        if (key instanceof KeyValue) {
            serialized.put(key, form);
        }
        return key;
    }

    private byte[] serializedForm(Object key) {
        return serialized.get(key, ObjectDataType::serialize);
    }

    // one instance per index map: equality by identity, as for any stateful type
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
