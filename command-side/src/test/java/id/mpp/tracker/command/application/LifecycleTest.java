package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static id.mpp.tracker.application.ApplicationStatus.*;
import static id.mpp.tracker.command.application.Action.*;
import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTest {

    /** The lifecycle as documented for officers and citizens, before the service is rated. */
    private static final Map<ApplicationStatus, Set<Action>> DOCUMENTED = Map.ofEntries(
            Map.entry(SUBMITTED, EnumSet.of(RETURN_FOR_CORRECTION, VERIFY, WITHDRAW)),
            Map.entry(RETURNED_FOR_CORRECTION, EnumSet.of(RESUBMIT, WITHDRAW)),
            Map.entry(ROUTED, EnumSet.of(REROUTE, START_PROCESSING, WITHDRAW)),
            Map.entry(IN_PROCESS, EnumSet.of(REROUTE, REQUEST_DOCUMENTS, COMPLETE, REJECT, WITHDRAW)),
            Map.entry(AWAITING_DOCUMENTS, EnumSet.of(PROVIDE_DOCUMENTS, WITHDRAW)),
            Map.entry(COMPLETED, EnumSet.of(COLLECT, RATE)),
            Map.entry(REJECTED, EnumSet.of(RATE)),
            // approved by law: the citizen collects the licence and may rate the service
            Map.entry(DEEMED_APPROVED, EnumSet.of(COLLECT, RATE)),
            Map.entry(COLLECTED, EnumSet.of(RATE)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(Action.class)));

    @ParameterizedTest
    @EnumSource(ApplicationStatus.class)
    void allowsWhatTheDocumentedLifecycleAllows(ApplicationStatus status) {
        assertThat(Lifecycle.allowedFrom(status, false)).isEqualTo(DOCUMENTED.get(status));
    }

    @ParameterizedTest
    @EnumSource(ApplicationStatus.class)
    void rateDisappearsOnceRatedAndNothingElseChanges(ApplicationStatus status) {
        Set<Action> expected = EnumSet.noneOf(Action.class);
        expected.addAll(DOCUMENTED.get(status));
        expected.remove(RATE);

        assertThat(Lifecycle.allowedFrom(status, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withdrawnAllowsNothing(boolean rated) {
        assertThat(Lifecycle.allowedFrom(WITHDRAWN, rated)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApplicationStatus.class)
    void withdrawingIsPossibleExactlyUntilTheApplicationIsClosed(ApplicationStatus status) {
        assertThat(Lifecycle.allowedFrom(status, false).contains(WITHDRAW)).isEqualTo(!status.closed());
    }

    @ParameterizedTest
    @EnumSource(ApplicationStatus.class)
    void ratingIsPossibleExactlyOnceDecided(ApplicationStatus status) {
        assertThat(Lifecycle.allowedFrom(status, false).contains(RATE)).isEqualTo(status.decided());
    }

    @Test
    void oneRatedApplicationDoesNotTakeRatingAwayFromOthers() {
        Lifecycle.allowedFrom(COMPLETED, true);

        assertThat(Lifecycle.allowedFrom(COMPLETED, false)).contains(RATE, COLLECT);
    }
}
