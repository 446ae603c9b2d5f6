package id.mpp.tracker.application;

/** Keys of the metadata every event carries, besides its payload. */
public final class MetadataKeys {

    /** The request that caused the event, as given in or generated for {@code X-Request-Id}. */
    public static final String REQUEST_ID = "requestId";
    /** The channel the act came through. */
    public static final String CHANNEL = "channel";
    /** Who acted. */
    public static final String PRINCIPAL = "principal";
    /** Identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Identifier of the first message of the chain this one belongs to. */
    public static final String CORRELATION_ID = "correlationId";

    private MetadataKeys() {
    }
}
