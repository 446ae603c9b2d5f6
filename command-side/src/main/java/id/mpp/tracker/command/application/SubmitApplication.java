package id.mpp.tracker.command.application;

import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A citizen applies for a service at an MPP. */
public record SubmitApplication(@TargetAggregateIdentifier ApplicationId applicationId, MppCode mppCode,
                                ServiceCode serviceCode, Channel channel, Applicant applicant) {
}
