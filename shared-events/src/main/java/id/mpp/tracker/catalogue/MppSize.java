package id.mpp.tracker.catalogue;

/** Expected visitor volume of an MPP. */
public enum MppSize {
    SMALL, MEDIUM, LARGE
}
