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
    DEEMED_APPROVED,
    COLLECTED,
    WITHDRAWN;

    /** Completed, rejected, deemed approved by law, or collected: the application is decided. */
    public boolean decided() {
        return this == COMPLETED || this == REJECTED || this == DEEMED_APPROVED || this == COLLECTED;
    }

    /** Verified and with the agency, not waiting for the citizen: the service clock is running. */
    public boolean clockRuns() {
        return this == ROUTED || this == IN_PROCESS;
    }

    /** No further step of the lifecycle applies, apart from rating. */
    public boolean closed() {
        return decided() || this == WITHDRAWN;
    }
}
