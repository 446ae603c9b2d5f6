package id.mpp.tracker.query.application;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.application.query.ApplicationView;
import id.mpp.tracker.application.query.ListApplications;
import id.mpp.tracker.platform.web.ForbiddenException;

/**
 * What each reader may see: officers their own MPP's applications, agency systems those routed to their agency,
 * auditors everything; lists carry no personal data, so dashboard viewers and admins may list too.
 */
final class ReadScope {

    private ReadScope() {
    }

    static void checkView(Actor reader, ApplicationView view) {
        boolean allowed = switch (reader.role()) {
            case AUDITOR -> true;
            case MPP_OFFICER -> reader.mppCode().value().equals(view.mppCode());
            // routing happens at verification; before it the agency has no business with the applicant
            case AGENCY_SYSTEM -> view.verifiedAt() != null && reader.agencyCode().value().equals(view.agencyCode());
            default -> false;
        };
        if (!allowed) {
            throw new ForbiddenException(reader.describe() + " may not read this application: "
                    + (reader.is(Role.MPP_OFFICER) ? "it was submitted at another MPP"
                    : reader.is(Role.AGENCY_SYSTEM) ? "it is not routed to this agency" : "the role does not read applications"));
        }
    }

    /** Narrows a list to what the reader may see; asking explicitly for more is refused. */
    static ListApplications restrict(Actor reader, ListApplications query) {
        if (reader.is(Role.MPP_OFFICER)) {
            if (query.mppCode() != null && !query.mppCode().equals(reader.mppCode())) {
                throw new ForbiddenException(reader.describe() + " may only list applications of " + reader.mppCode());
            }
            return query.withMppCode(reader.mppCode());
        }
        if (reader.is(Role.AGENCY_SYSTEM)) {
            if (query.agencyCode() != null && !query.agencyCode().equals(reader.agencyCode())) {
                throw new ForbiddenException(reader.describe() + " may only list applications routed to " + reader.agencyCode());
            }
            return query.withAgencyCode(reader.agencyCode());
        }
        return query;
    }
}
