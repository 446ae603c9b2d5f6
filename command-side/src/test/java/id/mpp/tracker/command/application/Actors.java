package id.mpp.tracker.command.application;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import org.axonframework.messaging.MetaData;

import java.util.Locale;
import java.util.Set;

/**
 * The actors tests send commands as, and who of them may send which command to an application held at {@code mpp}
 * and routed to {@code routedTo}.
 */
record Actors(MppCode mpp, AgencyCode routedTo) {

    static final Actor PORTAL = Actor.of("mpp-digital", Role.DIGITAL_PORTAL);
    static final Actor AUDITOR = Actor.of("auditor-inspektorat", Role.AUDITOR);
    static final Actor DASHBOARD_VIEWER = Actor.of("dasbor-kemenpanrb", Role.DASHBOARD_VIEWER);
    static final Actor ADMIN = Actor.of("operator-platform", Role.ADMIN);

    private static final Set<Class<?>> OFFICER_COMMANDS = Set.of(ReturnForCorrection.class, ResubmitApplication.class,
            VerifyApplication.class, RerouteApplication.class, CollectOutput.class);
    private static final Set<Class<?>> AGENCY_COMMANDS = Set.of(StartProcessing.class, RequestDocuments.class,
            CompleteApplication.class, RejectApplication.class);
    private static final Set<Class<?>> PORTAL_COMMANDS = Set.of(ProvideDocuments.class, WithdrawApplication.class,
            RateService.class);

    static Actor officerOf(MppCode mpp) {
        return Actor.officer("petugas-" + mpp.value().toLowerCase(Locale.ROOT), mpp);
    }

    static Actor systemOf(AgencyCode agency) {
        return Actor.agencySystem("sistem-" + agency.value().toLowerCase(Locale.ROOT), agency);
    }

    /**
     * Who may send the command: for a submission, an officer of its MPP at the counter or on a roadshow, MPP Digital
     * online; for the other commands, an officer of {@link #mpp}, the system of {@link #routedTo} or MPP Digital.
     * A resubmission is taken by the officer here, although MPP Digital may send it too.
     */
    Actor rightfulFor(Object command) {
        if (command instanceof SubmitApplication submission) {
            return submission.channel() == Channel.ONLINE ? PORTAL : officerOf(submission.mppCode());
        }
        if (OFFICER_COMMANDS.contains(command.getClass())) {
            return officerOf(mpp);
        }
        if (AGENCY_COMMANDS.contains(command.getClass())) {
            return systemOf(routedTo);
        }
        if (PORTAL_COMMANDS.contains(command.getClass())) {
            return PORTAL;
        }
        throw new IllegalArgumentException("No rightful actor known for " + command);
    }

    /** The metadata a command carries when sent by the actor; none for no actor. */
    static MetaData metaDataOf(Actor actor) {
        return actor == null ? MetaData.emptyInstance() : ActorParameterResolverFactory.metaDataOf(actor);
    }
}
