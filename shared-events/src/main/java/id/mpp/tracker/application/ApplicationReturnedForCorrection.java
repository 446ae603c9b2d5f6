package id.mpp.tracker.application;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The file was found incomplete and handed back to the citizen. */
@Revision("1")
public record ApplicationReturnedForCorrection(ApplicationId applicationId, String reason, List<String> missingDocuments) {
}
