package id.mpp.tracker.application;

import org.axonframework.serialization.Revision;

/** The citizen collected the output of a completed application. */
@Revision("1")
public record OutputCollected(ApplicationId applicationId) {
}
