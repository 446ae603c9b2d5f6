package id.mpp.tracker.dashboard;

/**
 * The dashboard of a scope as it stood at the end of {@code dashboard.to()}, over its days {@code from} to {@code to}:
 * answered from the dashboards' own documents, not by replaying events.
 */
public record FindDashboardAsOf(FindDashboard dashboard) {
}
