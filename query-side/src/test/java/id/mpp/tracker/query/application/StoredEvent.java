package id.mpp.tracker.query.application;

import java.time.Instant;

/** An event as the event store hands it out: the payload, its sequence number within the application, and when it happened. */
record StoredEvent(Object payload, long sequence, Instant at) {
}
