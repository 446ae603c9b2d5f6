package id.mpp.tracker.standalone.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.type.ObjectDataType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The index key type orders keys exactly as H2's own type does, so that stores written before open unchanged. */
class IndexKeyTypeProperties {

    private final IndexKeyType remembering = new IndexKeyType();
    private final ObjectDataType h2 = new ObjectDataType();

    @Property
    void orders_keys_as_h2_does(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        int expected = Integer.signum(h2.compare(a, b));

        assertThat(Integer.signum(remembering.compare(a, b))).isEqualTo(expected);
        // and again, now from what it remembers of both
        assertThat(Integer.signum(remembering.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(remembering.compare(b, a))).isEqualTo(-expected);
    }

    @Property
    void finds_a_key_where_h2_would(@ForAll("sortedKeys") List<KeyValue> keys, @ForAll("keys") KeyValue probe) {
        KeyValue[] stored = keys.toArray(KeyValue[]::new);

        assertThat(remembering.binarySearch(probe, stored, stored.length, 0))
                .isEqualTo(h2.binarySearch(probe, stored, stored.length, 0));
    }

    @Provide
    Arbitrary<KeyValue> keys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(24).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast));
        return value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }

    @Provide
    Arbitrary<List<KeyValue>> sortedKeys() {
        return keys().list().ofMaxSize(60).uniqueElements()
                .map(list -> list.stream().sorted(h2::compare).toList());
    }
}
