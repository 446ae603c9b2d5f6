package id.mpp.tracker.command.application;

import java.util.Arrays;
import java.util.Optional;

/** What can be done to a submitted application; {@code pathName} is how the REST API names it. */
public enum Action {
    RETURN_FOR_CORRECTION("return-for-correction"),
    RESUBMIT("resubmit"),
    VERIFY("verify"),
    REROUTE("reroute"),
    START_PROCESSING("start-processing"),
    REQUEST_DOCUMENTS("request-documents"),
    PROVIDE_DOCUMENTS("provide-documents"),
    COMPLETE("complete"),
    REJECT("reject"),
    WITHDRAW("withdraw"),
    COLLECT("collect"),
    RATE("rate");

    private final String pathName;

    Action(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }

    public static Optional<Action> byPathName(String name) {
        return Arrays.stream(values()).filter(a -> a.pathName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return pathName;
    }
}
