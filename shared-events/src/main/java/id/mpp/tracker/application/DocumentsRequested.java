package id.mpp.tracker.application;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The agency asked the citizen for further documents and waits for them. */
@Revision("1")
public record DocumentsRequested(ApplicationId applicationId, List<String> documents, String reason) {
}
