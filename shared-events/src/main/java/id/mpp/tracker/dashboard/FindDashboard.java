package id.mpp.tracker.dashboard;

import java.time.LocalDate;

/** The dashboard of a scope for the days {@code from} to {@code to}, both included, each in its MPP's local time. */
public record FindDashboard(DashboardScope scope, LocalDate from, LocalDate to) {
}
