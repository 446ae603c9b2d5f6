package id.mpp.tracker.command.audit;

import id.mpp.tracker.audit.StreamAnchored;
import id.mpp.tracker.command.application.CommandRefusedException;
import id.mpp.tracker.command.application.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The log of anchors over the global stream. It only keeps them contiguous: each starts where the last one ended,
 * so two instances anchoring the same stretch record it once, and no stretch is left out.
 */
@Aggregate
public class StreamAnchors {

    public static final String NOT_CONTIGUOUS = "anchor-not-contiguous";

    @AggregateIdentifier
    private String anchorLogId;
    private long lastThroughPosition = -1;

    protected StreamAnchors() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AnchorStream command) {
        if (command.afterPosition() != lastThroughPosition) {
            throw new CommandRefusedException(Refusal.ruleViolation(NOT_CONTIGUOUS, "The last anchor ends at "
                    + lastThroughPosition + ", not at " + command.afterPosition()));
        }
        if (command.throughPosition() <= command.afterPosition() || command.events() < 1) {
            throw new CommandRefusedException(Refusal.ruleViolation("empty-anchor", "An anchor seals at least one event"));
        }
        apply(new StreamAnchored(command.anchorLogId(), command.afterPosition(), command.throughPosition(),
                command.events(), command.rollup(), command.firstEventAt(), command.lastEventAt()));
        return command.throughPosition();
    }

    @EventSourcingHandler
    void on(StreamAnchored event) {
        anchorLogId = event.anchorLogId();
        lastThroughPosition = event.throughPosition();
    }
}
