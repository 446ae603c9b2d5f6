package id.mpp.tracker.catalogue;

/** A government office or state-owned company with counters at MPPs. */
public record Agency(AgencyCode code, String name, AgencyLevel level) {
}
