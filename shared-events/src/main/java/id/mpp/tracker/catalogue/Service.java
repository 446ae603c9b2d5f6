package id.mpp.tracker.catalogue;

import java.util.List;

/**
 * A service as its agency publishes it (standar pelayanan): the standard time and the documents a complete
 * file needs. {@code deemedApproval} marks licensing services approved by law when the deadline passes.
 * {@code sample} marks a standard time that is illustrative rather than the published one.
 */
public record Service(ServiceCode code, String name, AgencyCode agency, ServiceStandard standard,
                      List<String> requiredDocuments, boolean deemedApproval, boolean sample) {

    public Service {
        requiredDocuments = List.copyOf(requiredDocuments == null ? List.of() : requiredDocuments);
    }
}
