package id.mpp.tracker.command.application;

import id.mpp.tracker.application.*;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.access.Actor;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.ServiceClock;
import id.mpp.tracker.sla.Timeliness;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Map;

import static id.mpp.tracker.command.application.Action.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One citizen's application for one service at one MPP, from submission to decision, collection and rating.
 * Keeps only what its decisions need: where it is in the lifecycle, where it is routed, whether it was rated, and
 * its service clock (the standard it runs by, its due date, since when it is paused, whether it was breached).
 * "Now" is the time Axon stamps events with, so a decision and the event that records it agree on the time.
 */
@Aggregate(cache = "serviceApplicationCache")
public class ServiceApplication {

    @AggregateIdentifier
    private ApplicationId applicationId;
    private MppCode mppCode;
    private ServiceCode serviceCode;
    private AgencyCode agencyCode;
    private boolean routed;
    private ApplicationStatus status;
    private boolean rated;
    private ServiceStandard standard;
    private boolean deemedApproval;
    private DueDate due;
    private Instant pausedAt;
    private boolean breached;

    protected ServiceApplication() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    SubmissionReceipt handle(SubmitApplication command, Actor actor, Catalogue catalogue, TrackingNumberIssuer trackingNumbers,
                             PersonalDataVault vault) {
        Mpp mpp = catalogue.mpp(command.mppCode()).orElseThrow(() -> refused(
                Refusal.unknown("mppCode", "MPP " + command.mppCode() + " is not in the catalogue")));
        Service service = catalogue.service(command.serviceCode()).orElseThrow(() -> refused(
                Refusal.unknown("serviceCode", "Service " + command.serviceCode() + " is not in the catalogue")));
        if (!mpp.offers(service.code())) {
            throw refused(new Refusal(Refusal.Kind.SERVICE_NOT_OFFERED, mpp.name() + " (" + mpp.code()
                    + ") does not offer service " + service.code(),
                    Map.of("mppCode", mpp.code().value(), "serviceCode", service.code().value())));
        }
        Rights.checkSubmission(actor, mpp.code(), command.channel());
        TrackingNumber issued = trackingNumbers.issueFor(command.applicationId());
        apply(new ApplicationSubmitted(command.applicationId(), issued, mpp.code(), service.code(), service.agency(),
                command.channel(), vault.seal(command.applicant())));
        return new SubmissionReceipt(applicationId, issued, status, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    CommandOutcome handle(ReturnForCorrection command, Actor actor) {
        permit(RETURN_FOR_CORRECTION, actor, command.expectedVersion());
        apply(new ApplicationReturnedForCorrection(applicationId, command.reason(), command.missingDocuments()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ResubmitApplication command, Actor actor) {
        permit(RESUBMIT, actor, command.expectedVersion());
        apply(new ApplicationResubmitted(applicationId, command.note()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(VerifyApplication command, Actor actor, Catalogue catalogue, ServiceClock clock) {
        permit(VERIFY, actor, command.expectedVersion());
        var service = catalogue.service(serviceCode);
        var mpp = catalogue.mpp(mppCode);
        if (service.isPresent() && mpp.isPresent()) {
            ServiceStandard published = service.get().standard();
            apply(new ApplicationVerified(applicationId, published, service.get().deemedApproval(),
                    clock.due(now(), mpp.get().zone(), published)));
        } else {
            // a service or MPP withdrawn from the catalogue since submission publishes no standard: no clock runs
            apply(new ApplicationVerified(applicationId, null, false, null));
        }
        // the catalogue may have moved the service to another agency since submission: route by today's
        AgencyCode responsible = service.map(Service::agency).orElse(agencyCode);
        apply(new ApplicationRouted(applicationId, responsible));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RerouteApplication command, Actor actor, Catalogue catalogue) {
        permit(REROUTE, actor, command.expectedVersion());
        AgencyCode target = command.toAgencyCode();
        if (catalogue.agency(target).isEmpty()) {
            throw refused(Refusal.unknown("toAgencyCode", "Agency " + target + " is not in the catalogue"));
        }
        if (target.equals(agencyCode)) {
            throw refused(Refusal.ruleViolation("reroute-to-other-agency",
                    "The application is already routed to " + target));
        }
        apply(new ApplicationRerouted(applicationId, agencyCode, target, command.reason()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(StartProcessing command, Actor actor) {
        permit(START_PROCESSING, actor, command.expectedVersion());
        apply(new ProcessingStarted(applicationId, agencyCode));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RequestDocuments command, Actor actor) {
        permit(REQUEST_DOCUMENTS, actor, command.expectedVersion());
        apply(new DocumentsRequested(applicationId, command.documents(), command.reason()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ProvideDocuments command, Actor actor, ServiceClock clock) {
        permit(PROVIDE_DOCUMENTS, actor, command.expectedVersion());
        DueDate moved = due == null ? null : clock.resume(due, pausedAt, now(), standard.unit());
        apply(new DocumentsProvided(applicationId, command.documents(), moved));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(CompleteApplication command, Actor actor, ServiceClock clock) {
        permit(COMPLETE, actor, command.expectedVersion());
        apply(new ApplicationCompleted(applicationId, agencyCode, command.outputReference(), timeliness(clock)));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RejectApplication command, Actor actor, ServiceClock clock) {
        permit(REJECT, actor, command.expectedVersion());
        apply(new ApplicationRejected(applicationId, agencyCode, command.reason(), timeliness(clock)));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(WithdrawApplication command, Actor actor) {
        permit(WITHDRAW, actor, command.expectedVersion());
        apply(new ApplicationWithdrawn(applicationId, command.reason()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(CollectOutput command, Actor actor) {
        permit(COLLECT, actor, command.expectedVersion());
        apply(new OutputCollected(applicationId));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RateService command, Actor actor) {
        Rights.check(actor, RATE, mppCode, routedAgency());
        if (rated && status.decided()) {
            checkVersion(command.expectedVersion());
            throw refused(Refusal.ruleViolation("rate-once", "The service for this application was already rated"));
        }
        permit(RATE, actor, command.expectedVersion());
        if (command.score() < 1 || command.score() > 4) {
            throw refused(Refusal.invalidInput("score", "score must be from 1 to 4 (SKM scale)"));
        }
        apply(new ServiceRated(applicationId, command.score(), command.comment()));
        return outcome();
    }

    @CommandHandler
    DueDateCheck handle(CheckDueDate command) {
        if (due == null || breached || !status.clockRuns()) {
            return new DueDateCheck(applicationId, DueDateCheck.Finding.NOTHING_DUE, null);
        }
        if (!due.isOverdueAt(now())) {
            return new DueDateCheck(applicationId, DueDateCheck.Finding.NOT_YET_DUE, due.dueAt());
        }
        if (deemedApproval) {
            apply(new ApplicationDeemedApproved(applicationId, agencyCode, due));
            return new DueDateCheck(applicationId, DueDateCheck.Finding.DEEMED_APPROVED, null);
        }
        apply(new ServiceStandardBreached(applicationId, agencyCode, due));
        return new DueDateCheck(applicationId, DueDateCheck.Finding.BREACHED, null);
    }

    private Timeliness timeliness(ServiceClock clock) {
        return due == null ? null : clock.timeliness(due, now(), standard.unit());
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private void permit(Action action, Actor actor, Long expectedVersion) {
        Rights.check(actor, action, mppCode, routedAgency());
        checkVersion(expectedVersion);
        var allowed = Lifecycle.allowedFrom(status, rated);
        if (!allowed.contains(action)) {
            throw refused(Refusal.illegalTransition(status, action, allowed));
        }
    }

    /** The agency the application is routed to, once it is. */
    private AgencyCode routedAgency() {
        return routed ? agencyCode : null;
    }

    private void checkVersion(Long expectedVersion) {
        long current = AggregateLifecycle.getVersion();
        if (expectedVersion != null && expectedVersion != current) {
            throw refused(Refusal.versionMismatch(expectedVersion, current));
        }
    }

    private CommandOutcome outcome() {
        return new CommandOutcome(applicationId, status, AggregateLifecycle.getVersion());
    }

    private static CommandRefusedException refused(Refusal refusal) {
        return new CommandRefusedException(refusal);
    }

    @EventSourcingHandler
    void on(ApplicationSubmitted event) {
        applicationId = event.applicationId();
        serviceCode = event.serviceCode();
        agencyCode = event.agencyCode();
        mppCode = event.mppCode();
        status = ApplicationStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ApplicationReturnedForCorrection event) {
        status = ApplicationStatus.RETURNED_FOR_CORRECTION;
    }

    @EventSourcingHandler
    void on(ApplicationResubmitted event) {
        status = ApplicationStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ApplicationVerified event) {
        standard = event.standard();
        deemedApproval = event.deemedApproval();
        due = event.due();
    }

    @EventSourcingHandler
    void on(ApplicationRouted event) {
        agencyCode = event.agencyCode();
        routed = true;
        status = ApplicationStatus.ROUTED;
    }

    @EventSourcingHandler
    void on(ApplicationRerouted event) {
        agencyCode = event.toAgencyCode();
        status = ApplicationStatus.ROUTED;
    }

    @EventSourcingHandler
    void on(ProcessingStarted event) {
        status = ApplicationStatus.IN_PROCESS;
    }

    @EventSourcingHandler
    void on(DocumentsRequested event, @Timestamp Instant requestedAt) {
        status = ApplicationStatus.AWAITING_DOCUMENTS;
        pausedAt = requestedAt;
    }

    @EventSourcingHandler
    void on(DocumentsProvided event) {
        status = ApplicationStatus.IN_PROCESS;
        pausedAt = null;
        due = event.due();
    }

    @EventSourcingHandler
    void on(ServiceStandardBreached event) {
        breached = true;
    }

    @EventSourcingHandler
    void on(ApplicationDeemedApproved event) {
        status = ApplicationStatus.DEEMED_APPROVED;
    }

    @EventSourcingHandler
    void on(ApplicationCompleted event) {
        status = ApplicationStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ApplicationRejected event) {
        status = ApplicationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        status = ApplicationStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(OutputCollected event) {
        status = ApplicationStatus.COLLECTED;
    }

    @EventSourcingHandler
    void on(ServiceRated event) {
        rated = true;
    }
}
