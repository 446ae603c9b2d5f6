package id.mpp.tracker.access;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;

import java.util.Objects;

/**
 * An authenticated caller: who (an account or system id, never a citizen's personal data), in which role,
 * and the MPP or agency the role is bound to, if any.
 */
public record Actor(String id, Role role, MppCode mppCode, AgencyCode agencyCode) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (role == Role.MPP_OFFICER && mppCode == null) {
            throw new IllegalArgumentException("an MPP officer belongs to an MPP");
        }
        if (role == Role.AGENCY_SYSTEM && agencyCode == null) {
            throw new IllegalArgumentException("an agency system belongs to an agency");
        }
    }

    public static Actor officer(String id, MppCode mpp) {
        return new Actor(id, Role.MPP_OFFICER, mpp, null);
    }

    public static Actor agencySystem(String id, AgencyCode agency) {
        return new Actor(id, Role.AGENCY_SYSTEM, null, agency);
    }

    public static Actor of(String id, Role role) {
        return new Actor(id, role, null, null);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean officerAt(MppCode mpp) {
        return role == Role.MPP_OFFICER && mppCode.equals(mpp);
    }

    public boolean systemOf(AgencyCode agency) {
        return role == Role.AGENCY_SYSTEM && agencyCode.equals(agency);
    }

    /** How the actor is named in messages and logs, e.g. {@code MPP_OFFICER petugas-1 of KOTA-SURABAYA}. */
    public String describe() {
        String of = mppCode != null ? " of " + mppCode : agencyCode != null ? " of " + agencyCode : "";
        return role + " " + id + of;
    }
}
