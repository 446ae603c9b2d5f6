package id.mpp.tracker.command.application;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.application.ApplicationStatus;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a command was refused. Travels back to the sender as the details of the command's failure,
 * also across Axon Server, so it holds only plain values.
 */
public record Refusal(Kind kind, String detail, Map<String, Object> properties) {

    public enum Kind {
        INVALID_INPUT, FORBIDDEN, NOT_FOUND, UNKNOWN_CATALOGUE_ENTRY, SERVICE_NOT_OFFERED, ILLEGAL_TRANSITION, RULE_VIOLATION, VERSION_MISMATCH
    }

    public Refusal {
        properties = Map.copyOf(properties);
    }

    static Refusal illegalTransition(ApplicationStatus status, Action attempted, Set<Action> allowed) {
        String detail = "Cannot " + attempted + ": the application is " + status + "; "
                + (allowed.isEmpty() ? "nothing more can be done to it" : "allowed now: " + String.join(", ", names(allowed)));
        return new Refusal(Kind.ILLEGAL_TRANSITION, detail,
                Map.of("currentStatus", status.name(), "attemptedAction", attempted.pathName(), "allowedActions", names(allowed)));
    }

    static Refusal versionMismatch(long expected, long actual) {
        return new Refusal(Kind.VERSION_MISMATCH, "The application is at version " + actual + ", not " + expected
                + ": read it again and retry", Map.of("expectedVersion", expected, "currentVersion", actual));
    }

    static Refusal unknown(String field, String detail) {
        return new Refusal(Kind.UNKNOWN_CATALOGUE_ENTRY, detail, Map.of("field", field));
    }

    public static Refusal forbidden(Actor actor, String what, String why) {
        String who = actor == null ? "An unidentified caller" : actor.describe();
        return new Refusal(Kind.FORBIDDEN, who + " may not " + what + ": " + why, Map.of());
    }

    public static Refusal ruleViolation(String rule, String detail) {
        return new Refusal(Kind.RULE_VIOLATION, detail, Map.of("rule", rule));
    }

    static Refusal notFound(String applicationId) {
        return new Refusal(Kind.NOT_FOUND, "No application with id " + applicationId, Map.of());
    }

    static Refusal invalidInput(String field, String detail) {
        return new Refusal(Kind.INVALID_INPUT, detail, Map.of("field", field));
    }

    private static List<String> names(Set<Action> actions) {
        return actions.stream().map(Action::pathName).toList();
    }
}
