package id.mpp.tracker.dashboard;

import java.util.List;

/** An update to live dashboards: the figures of these scopes changed. */
public record DashboardChanged(List<String> scopeKeys) {
}
