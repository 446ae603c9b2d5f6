package id.mpp.tracker.dashboard;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose figures a dashboard shows: the whole country, one MPP, one agency (in every MPP), or one agency within one
 * MPP. {@link #key()} names the scope in the read model.
 */
public record DashboardScope(MppCode mppCode, AgencyCode agencyCode) {

    public static final DashboardScope NATIONAL = new DashboardScope(null, null);

    public static DashboardScope mpp(MppCode mpp) {
        return new DashboardScope(mpp, null);
    }

    public static DashboardScope agency(AgencyCode agency) {
        return new DashboardScope(null, agency);
    }

    /** The four scopes an application at {@code mpp} handled by {@code agency} counts in. */
    public static List<DashboardScope> of(MppCode mpp, AgencyCode agency) {
        var scopes = new ArrayList<DashboardScope>(4);
        scopes.add(NATIONAL);
        scopes.add(mpp(mpp));
        scopes.add(agency(agency));
        scopes.add(new DashboardScope(mpp, agency));
        return scopes;
    }

    public boolean national() {
        return mppCode == null && agencyCode == null;
    }

    public String key() {
        if (national()) {
            return "national";
        }
        if (agencyCode == null) {
            return "mpp:" + mppCode.value();
        }
        if (mppCode == null) {
            return "agency:" + agencyCode.value();
        }
        return "mpp:" + mppCode.value() + "/agency:" + agencyCode.value();
    }
}
