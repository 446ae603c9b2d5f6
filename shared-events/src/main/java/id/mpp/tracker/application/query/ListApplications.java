package id.mpp.tracker.application.query;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;

import java.time.Instant;

/**
 * One page of applications matching every given criterion (nulls match all), newest first; {@code overdue} keeps
 * only open applications past their due date.
 */
public record ListApplications(MppCode mppCode, AgencyCode agencyCode, ServiceCode serviceCode,
                               ApplicationStatus status, Instant submittedFrom, Instant submittedTo,
                               boolean overdue, int page, int size) {

    public ListApplications withMppCode(MppCode code) {
        return new ListApplications(code, agencyCode, serviceCode, status, submittedFrom, submittedTo, overdue, page, size);
    }

    public ListApplications withAgencyCode(AgencyCode code) {
        return new ListApplications(mppCode, code, serviceCode, status, submittedFrom, submittedTo, overdue, page, size);
    }
}
