package id.mpp.tracker.application;

/** The states of an application; the names are part of the public contract. */
public enum ApplicationStatus {
    SUBMITTED,
    RETURNED_FOR_CORRECTION,
    ROUTED,
    IN_PROCESS,
    AWAITING_DOCUMENTS,
    COMPLETED,
    REJECTED,
    COLLECTED,
    WITHDRAWN;

    /** Completed, rejected or collected: the agency has decided. */
    public boolean decided() {
        return this == COMPLETED || this == REJECTED || this == COLLECTED;
    }

    /** No further step of the lifecycle applies, apart from rating. */
    public boolean closed() {
        return decided() || this == WITHDRAWN;
    }
}
