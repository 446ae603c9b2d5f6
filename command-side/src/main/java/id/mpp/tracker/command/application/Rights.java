package id.mpp.tracker.command.application;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;

import static id.mpp.tracker.command.application.Action.*;

/**
 * Who may do what to an application: officers act at their own MPP, agency systems only on applications
 * currently routed to their agency, MPP Digital on the citizen's behalf.
 */
final class Rights {

    private Rights() {
    }

    static void checkSubmission(Actor actor, MppCode mpp, Channel channel) {
        boolean allowed = actor != null && switch (channel) {
            case COUNTER, ROADSHOW -> actor.officerAt(mpp);
            case ONLINE -> actor.is(Role.DIGITAL_PORTAL);
        };
        if (!allowed) {
            throw forbidden(actor, "submit a " + channel + " application at " + mpp,
                    channel == Channel.ONLINE ? "online applications come through MPP Digital"
                            : "counter and roadshow applications are taken by officers of that MPP");
        }
    }

    static void check(Actor actor, Action action, MppCode mpp, AgencyCode routedTo) {
        boolean allowed = actor != null && switch (action) {
            case RETURN_FOR_CORRECTION, VERIFY, REROUTE, COLLECT -> actor.officerAt(mpp);
            case RESUBMIT -> actor.officerAt(mpp) || actor.is(Role.DIGITAL_PORTAL);
            case START_PROCESSING, REQUEST_DOCUMENTS, COMPLETE, REJECT -> routedTo != null && actor.systemOf(routedTo);
            case PROVIDE_DOCUMENTS, WITHDRAW, RATE -> actor.is(Role.DIGITAL_PORTAL);
        };
        if (!allowed) {
            throw forbidden(actor, action + " this application", reason(action, mpp, routedTo));
        }
    }

    private static String reason(Action action, MppCode mpp, AgencyCode routedTo) {
        if (action == START_PROCESSING || action == REQUEST_DOCUMENTS || action == COMPLETE || action == REJECT) {
            return routedTo == null ? "it is not routed to an agency yet" : "only the system of " + routedTo + ", to which it is routed, may";
        }
        if (action == PROVIDE_DOCUMENTS || action == WITHDRAW || action == RATE) {
            return "the citizen acts through MPP Digital";
        }
        if (action == RESUBMIT) {
            return "only officers of " + mpp + " or MPP Digital may";
        }
        return "only officers of " + mpp + " may";
    }

    private static CommandRefusedException forbidden(Actor actor, String what, String why) {
        return new CommandRefusedException(Refusal.forbidden(actor, what, why));
    }
}
