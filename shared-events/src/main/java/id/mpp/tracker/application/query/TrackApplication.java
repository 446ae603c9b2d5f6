package id.mpp.tracker.application.query;

import id.mpp.tracker.application.TrackingNumber;

/** A citizen's question "where is my application?"; answered with an optional {@link TrackingView}. */
public record TrackApplication(TrackingNumber trackingNumber) {
}
