package id.mpp.tracker.application;

import id.mpp.tracker.sla.DueDate;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The citizen provided the documents the agency asked for: the clock runs again, and {@code due} is the due date
 * moved by the time it stood still. Revision 1 carried no due date.
 */
@Revision("2")
public record DocumentsProvided(ApplicationId applicationId, List<String> documents, DueDate due) {
}
