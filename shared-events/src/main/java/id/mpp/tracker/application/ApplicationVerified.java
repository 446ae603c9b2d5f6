package id.mpp.tracker.application;

import org.axonframework.serialization.Revision;

/** The file was checked and found complete (diterima secara lengkap). */
@Revision("1")
public record ApplicationVerified(ApplicationId applicationId) {
}
