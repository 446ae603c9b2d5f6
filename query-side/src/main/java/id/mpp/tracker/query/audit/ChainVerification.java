package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.audit.ChainBreak;
import id.mpp.tracker.audit.ChainCheck;
import id.mpp.tracker.audit.RecordedEvent;
import id.mpp.tracker.platform.audit.GlobalStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;

/** Re-checks the hash chains of what the event store holds: one application's whole history, or a stretch of the stream. */
@Component
class ChainVerification {

    private final AuditedEvents events;

    ChainVerification(AuditedEvents events) {
        this.events = events;
    }

    ChainReport application(ApplicationId id) {
        ChainCheck check = ChainCheck.ofWholeHistories();
        String lastHash = null;
        for (DomainEventMessage<?> event : events.ofApplication(id)) {
            RecordedEvent recorded = check(check, event, null);
            lastHash = recorded == null ? null : recorded.hash();
        }
        return ChainReport.of("application " + id.value(), check, null, null, null, lastHash);
    }

    /**
     * Checks the stream after {@code start}, up to the head, to the first event stored after {@code to}, or to
     * {@code limit} events; a report cut short by the limit says where to resume.
     */
    ChainReport stretch(TrackingToken start, Instant to, int limit) {
        ChainCheck check = ChainCheck.ofStretch();
        Long first = null;
        Long last = null;
        boolean cut = false;
        try (Stream<TrackedEventMessage<?>> stream = events.globalStream().read(start)) {
            Iterator<TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (to != null && event.getTimestamp().isAfter(to)) {
                    break;
                }
                if (check.eventsChecked() == limit) {
                    cut = true;
                    break;
                }
                long position = GlobalStream.positionOf(event);
                first = first == null ? position : first;
                last = position;
                check(check, event, position);
            }
        }
        return ChainReport.of("stream", check, first, last, cut ? last : null, null);
    }

    private RecordedEvent check(ChainCheck check, EventMessage<?> event, Long position) {
        RecordedEvent recorded;
        try {
            recorded = events.recorded(event);
        } catch (RuntimeException unreadable) {
            DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
            check.unreadable(event.getIdentifier(), domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                    domainEvent == null ? null : domainEvent.getSequenceNumber(), position, rootMessage(unreadable));
            return null;
        }
        check.check(recorded, position);
        return recorded;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * What a check found.
     *
     * @param resumeAfter where to continue when the check stopped at its limit, else {@code null}
     * @param lastHash    the hash of the last event of a whole history: the head of its chain
     */
    record ChainReport(String scope, boolean intact, long eventsChecked, long breaks, ChainBreak firstBreak,
                       Long firstPosition, Long lastPosition, Long resumeAfter, String lastHash) {

        static ChainReport of(String scope, ChainCheck check, Long first, Long last, Long resumeAfter, String lastHash) {
            return new ChainReport(scope, check.breaks() == 0, check.eventsChecked(), check.breaks(),
                    check.firstBreak().orElse(null), first, last, resumeAfter, check.breaks() == 0 ? lastHash : null);
        }
    }
}
