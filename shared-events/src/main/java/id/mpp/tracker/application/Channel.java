package id.mpp.tracker.application;

/** Where an application was submitted. */
public enum Channel {
    /** At an MPP counter. */
    COUNTER,
    /** Through MPP Digital. */
    ONLINE,
    /** At a mobile service outside the MPP building (MPP keliling). */
    ROADSHOW
}
