package id.mpp.tracker.application;

/** Keys of the metadata every event carries, besides its payload. */
public final class MetadataKeys {

    /** The request that caused the event, as given in or generated for {@code X-Request-Id}. */
    public static final String REQUEST_ID = "requestId";
    /** The channel the act came through. */
    public static final String CHANNEL = "channel";
    /** Who acted: the account or system id of the {@link id.mpp.tracker.access.Actor}. */
    public static final String PRINCIPAL = "principal";
    /** The acting principal's role. */
    public static final String ROLE = "role";
    /** The MPP an acting officer belongs to. */
    public static final String PRINCIPAL_MPP = "principalMppCode";
    /** The agency an acting system belongs to. */
    public static final String PRINCIPAL_AGENCY = "principalAgencyCode";
    /** Identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Identifier of the first message of the chain this one belongs to. */
    public static final String CORRELATION_ID = "correlationId";

    private MetadataKeys() {
    }
}
