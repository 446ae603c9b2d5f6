package id.mpp.tracker.access;

/** What kind of caller acts; each role's rights are described in the README. */
public enum Role {
    /** Staff at the counters of one MPP. */
    MPP_OFFICER,
    /** The back-office system of one agency. */
    AGENCY_SYSTEM,
    /** MPP Digital, acting on a citizen's behalf. */
    DIGITAL_PORTAL,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** Dashboards and aggregates, never personal data. */
    DASHBOARD_VIEWER,
    /** Operations: projection rebuilds and the like. */
    ADMIN
}
