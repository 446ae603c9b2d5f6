package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.platform.web.ForbiddenException;

/**
 * Who may see which dashboard. Dashboards hold no personal data, but an MPP's or an agency's figures are its own:
 * MPP officers see the national figures and their MPP's; agency systems the national figures and their agency's
 * (everywhere, or within one MPP); viewers, auditors and administrators see every dashboard.
 */
final class DashboardAccess {

    private DashboardAccess() {
    }

    static void check(Actor reader, DashboardScope scope) {
        if (scope.national() || reader.is(Role.DASHBOARD_VIEWER) || reader.is(Role.AUDITOR) || reader.is(Role.ADMIN)) {
            return;
        }
        if (reader.is(Role.MPP_OFFICER) && scope.mppCode() != null && reader.officerAt(scope.mppCode())) {
            return;
        }
        if (reader.is(Role.AGENCY_SYSTEM) && scope.agencyCode() != null && reader.systemOf(scope.agencyCode())) {
            return;
        }
        throw new ForbiddenException(reader.describe() + " may not see the dashboard " + scope.key());
    }
}
