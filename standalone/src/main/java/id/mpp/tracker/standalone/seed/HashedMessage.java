package id.mpp.tracker.standalone.seed;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDecorator;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import javax.annotation.Nonnull;
import java.util.Map;

/**
 * An event as it is stored: the event that was hashed, with the hashes added to its metadata. Axon's own
 * {@code andMetaData} would make a new message that serializes the payload again; this one keeps the serialized
 * payload the hashing made, so the storage engine writes exactly those bytes.
 */
final class HashedMessage<T> extends MessageDecorator<T> {

    private final MetaData metaData;

    HashedMessage(Message<T> hashed, MetaData metaData) {
        super(hashed);
        this.metaData = metaData;
    }

    @Override
    public MetaData getMetaData() {
        return metaData;
    }

    @Override
    public <S> SerializedObject<S> serializeMetaData(Serializer serializer, Class<S> expectedRepresentation) {
        return serializer.serialize(metaData, expectedRepresentation);
    }

    @Override
    public Message<T> withMetaData(@Nonnull Map<String, ?> newMetaData) {
        return new HashedMessage<>(getDelegate(), MetaData.from(newMetaData));
    }

    @Override
    public Message<T> andMetaData(@Nonnull Map<String, ?> additionalMetaData) {
        return new HashedMessage<>(getDelegate(), metaData.mergedWith(additionalMetaData));
    }
}
