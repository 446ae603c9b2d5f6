package id.mpp.tracker.query.projections;

import id.mpp.tracker.platform.web.NotFoundException;
import id.mpp.tracker.platform.web.ProblemType;
import id.mpp.tracker.query.application.ApplicationProjection;
import id.mpp.tracker.query.dashboard.DashboardRebuild;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * For operators: each projection's processor, how far behind the event store it is, rebuilding the dashboards, and
 * replaying the status projection from the event store.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
public class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DashboardRebuild rebuild;

    ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore, DashboardRebuild rebuild) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuild = rebuild;
    }

    @GetMapping
    @Operation(summary = "Every projection's processor on this instance: running, segments, position, lag behind the head")
    public List<ProcessorStatus> processors() {
        long head = eventStore.createHeadToken() == null ? -1 : eventStore.createHeadToken().position().orElse(-1);
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(processor -> ProcessorStatus.of(processor, head))
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    @PostMapping("/dashboards/rebuild")
    @Operation(summary = "Rebuild the dashboards from the event store beside the serving ones, then switch (202)")
    public ResponseEntity<?> rebuildDashboards() {
        var started = rebuild.start();
        if (started == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemType.RULE_VIOLATION.problem("A rebuild of the dashboards is already running"));
        }
        return ResponseEntity.accepted().header("Location", "/api/v1/admin/projections/dashboards/rebuild").body(started);
    }

    /**
     * The status read model has no second generation (it is keyed by application, read by id): a replay drops it and
     * refills it from the first event, while lists and views show what has been replayed so far. For recovery and for
     * measuring; this instance must hold every segment of the processor, else nothing is reset (409).
     */
    @PostMapping("/application-status/replay")
    @Operation(summary = "Replay the status projection from the start of the event store (202); progress in GET /admin/projections")
    public ResponseEntity<?> replayApplicationStatus() {
        var processor = processing.eventProcessor(ApplicationProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("The status projection does not run on this instance"));
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (IllegalStateException | UnsupportedOperationException notAllSegments) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemType.RULE_VIOLATION.problem(
                    "The status projection can be replayed only where every one of its segments is processed: "
                            + "stop it on the other instances first"));
        } finally {
            processor.start();
        }
        long head = eventStore.createHeadToken() == null ? -1 : eventStore.createHeadToken().position().orElse(-1);
        return ResponseEntity.accepted().header("Location", "/api/v1/admin/projections").body(ProcessorStatus.of(processor, head));
    }

    @GetMapping("/dashboards/rebuild")
    @Operation(summary = "Progress of the latest rebuild of the dashboards: events done and total, rate, time left")
    public DashboardRebuild.RebuildProgress rebuildProgress() {
        var progress = rebuild.progress();
        if (progress == null) {
            throw new NotFoundException("No rebuild of the dashboards has run on this instance");
        }
        return progress;
    }

    /**
     * @param lag events between the head of the event store and the slowest segment claimed here (null when none is)
     */
    public record ProcessorStatus(String name, boolean running, boolean error, List<SegmentStatus> segments, Long lag) {

        static ProcessorStatus of(StreamingEventProcessor processor, long head) {
            var segments = processor.processingStatus().values().stream()
                    .map(SegmentStatus::of).sorted(Comparator.comparingInt(SegmentStatus::segment)).toList();
            Long lag = segments.stream().map(SegmentStatus::position).filter(Objects::nonNull)
                    .min(Long::compare).map(slowest -> Math.max(0, head - slowest)).orElse(null);
            return new ProcessorStatus(processor.getName(), processor.isRunning(), processor.isError(), segments, lag);
        }
    }

    public record SegmentStatus(int segment, Long position, boolean caughtUp, boolean replaying, String error) {

        static SegmentStatus of(EventTrackerStatus status) {
            Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
            return new SegmentStatus(status.getSegment().getSegmentId(), position, status.isCaughtUp(), status.isReplaying(),
                    status.isErrorState() ? String.valueOf(status.getError()) : null);
        }
    }
}
