package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationStatus;

import java.util.EnumSet;
import java.util.Set;

import static id.mpp.tracker.command.application.Action.*;

/** Which actions each status allows: the application's lifecycle in one table. */
final class Lifecycle {

    private Lifecycle() {
    }

    static Set<Action> allowedFrom(ApplicationStatus status, boolean rated) {
        EnumSet<Action> allowed = switch (status) {
            case SUBMITTED -> EnumSet.of(RETURN_FOR_CORRECTION, VERIFY, WITHDRAW);
            case RETURNED_FOR_CORRECTION -> EnumSet.of(RESUBMIT, WITHDRAW);
            case ROUTED -> EnumSet.of(REROUTE, START_PROCESSING, WITHDRAW);
            case IN_PROCESS -> EnumSet.of(REROUTE, REQUEST_DOCUMENTS, COMPLETE, REJECT, WITHDRAW);
            case AWAITING_DOCUMENTS -> EnumSet.of(PROVIDE_DOCUMENTS, WITHDRAW);
            case COMPLETED -> EnumSet.of(COLLECT, RATE);
            case DEEMED_APPROVED -> EnumSet.of(COLLECT, RATE);
            case REJECTED, COLLECTED -> EnumSet.of(RATE);
            case WITHDRAWN -> EnumSet.noneOf(Action.class);
        };
        if (rated) {
            allowed.remove(RATE);
        }
        return allowed;
    }
}
