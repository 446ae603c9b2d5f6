package id.mpp.tracker.query.application;

import id.mpp.tracker.application.*;
import org.axonframework.eventhandling.ReplayStatus;

import java.time.Instant;
import java.util.List;

/** Hands stored events to the projection's handlers as a tracking processor would, live or during a replay. */
final class ProjectionFeed {

    private final ApplicationProjection projection;

    ProjectionFeed(ApplicationProjection projection) {
        this.projection = projection;
    }

    void live(StoredEvent event) {
        deliver(event, ReplayStatus.REGULAR);
    }

    void live(List<StoredEvent> events) {
        events.forEach(this::live);
    }

    void replay(List<StoredEvent> events) {
        events.forEach(event -> deliver(event, ReplayStatus.REPLAY));
    }

    private void deliver(StoredEvent event, ReplayStatus replay) {
        long sequence = event.sequence();
        Instant at = event.at();
        Object payload = event.payload();
        if (payload instanceof ApplicationSubmitted e) {
            projection.on(e, sequence, at, replay);
        } else if (payload instanceof ApplicationReturnedForCorrection e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof ApplicationResubmitted e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof ApplicationVerified e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof ApplicationRouted e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof ApplicationRerouted e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof ProcessingStarted e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof DocumentsRequested e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof DocumentsProvided e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof ApplicationCompleted e) {
            projection.on(e, sequence, at, replay);
        } else if (payload instanceof ApplicationRejected e) {
            projection.on(e, sequence, at, replay);
        } else if (payload instanceof ApplicationWithdrawn e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof OutputCollected e) {
            projection.on(e, sequence, at);
        } else if (payload instanceof ServiceRated e) {
            projection.on(e, sequence, at);
        } else {
            throw new IllegalArgumentException("No handler for " + payload.getClass().getSimpleName());
        }
    }
}
