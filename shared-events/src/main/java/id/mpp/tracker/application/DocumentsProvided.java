package id.mpp.tracker.application;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The citizen provided the documents the agency asked for. */
@Revision("1")
public record DocumentsProvided(ApplicationId applicationId, List<String> documents) {
}
