package id.mpp.tracker.audit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guard rail. Events carry hashes over their payload as it was recorded, and the audit checks them against the
 * payload as it is read. An upcaster from a revision recorded with hashes would change what is read, so every such
 * event would be reported altered. Raising an event's revision therefore needs the audit to read payloads as stored,
 * without upcasting, first; this test fails until the table is updated on purpose.
 */
class HashedRevisionsTest {

    /** Every event's revision when hashing began. */
    private static final Map<String, String> HASHED_SINCE = Map.ofEntries(
            entry("ApplicationSubmitted", "2"), entry("ApplicationReturnedForCorrection", "1"),
            entry("ApplicationResubmitted", "1"), entry("ApplicationVerified", "2"), entry("ApplicationRouted", "1"),
            entry("ApplicationRerouted", "1"), entry("ProcessingStarted", "1"), entry("DocumentsRequested", "1"),
            entry("DocumentsProvided", "2"), entry("ApplicationCompleted", "2"), entry("ApplicationRejected", "2"),
            entry("ApplicationDeemedApproved", "1"), entry("ServiceStandardBreached", "1"), entry("ApplicationWithdrawn", "1"),
            entry("OutputCollected", "1"), entry("ServiceRated", "1"), entry("DataSubjectErased", "1"),
            entry("StreamAnchored", "1"));

    @Test
    void noEventHasMovedPastTheRevisionItWasHashedAt() {
        Map<String, String> revisions = new TreeMap<>();
        for (JavaClass event : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.mpp.tracker")) {
            if (event.isAnnotatedWith(Revision.class)) {
                revisions.put(event.getSimpleName(), event.getAnnotationOfType(Revision.class).value());
            }
        }

        assertThat(revisions)
                .as("an event's revision was raised (or an event added): hashed payloads of the older revision would read "
                        + "as altered once upcast. Make the audit read payloads as stored, then update HASHED_SINCE")
                .containsExactlyInAnyOrderEntriesOf(HASHED_SINCE);
    }
}
