package id.mpp.tracker.application.query;

import id.mpp.tracker.application.ApplicationId;

/** Asks for the full status view of one application; answered with an optional {@link ApplicationView}. */
public record FindApplication(ApplicationId applicationId) {
}
