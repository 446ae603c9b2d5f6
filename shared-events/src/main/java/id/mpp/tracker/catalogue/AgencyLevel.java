package id.mpp.tracker.catalogue;

public enum AgencyLevel {
    /** A vertical office of the central government (Imigrasi, Polri, BPN, DJP, BPJS). */
    NATIONAL,
    /** An office of the regional government (Dukcapil, DPMPTSP). */
    REGIONAL,
    /** A state- or region-owned company (PLN, PDAM, a regional bank). */
    STATE_OWNED
}
