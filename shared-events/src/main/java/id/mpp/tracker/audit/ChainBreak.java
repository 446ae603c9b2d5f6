package id.mpp.tracker.audit;

/**
 * The first place where a chain of hashes does not hold, named precisely enough to find the stored event.
 *
 * @param position the event's position in the global stream, when known
 */
public record ChainBreak(String problem, String aggregateId, Long sequenceNumber, String eventId, Long position,
                         String detail) {

    static ChainBreak at(ChainProblem problem, RecordedEvent event, Long position, String detail) {
        return new ChainBreak(problem.code(), event.aggregateId(), event.sequenceNumber(), event.eventId(), position, detail);
    }
}
