package id.mpp.tracker.application.query;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;

import java.time.Instant;

/** One page of applications matching every given criterion (nulls match all), newest first. */
public record ListApplications(MppCode mppCode, AgencyCode agencyCode, ServiceCode serviceCode,
                               ApplicationStatus status, Instant submittedFrom, Instant submittedTo,
                               int page, int size) {
}
