package id.mpp.tracker.query.application;

import id.mpp.tracker.application.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static id.mpp.tracker.application.ApplicationStatus.IN_PROCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The status projection in a tracking processor's batches: read once, written once, counted once. */
class StatusBatchTest extends ReadModelTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T01:30:00Z");

    private SimpleMeterRegistry registry;
    private QueryUpdateEmitter updates;
    private MongoTemplate observed;
    private ProjectionFeed feed;

    @BeforeEach
    void projectionInBatches() {
        registry = new SimpleMeterRegistry();
        updates = mock(QueryUpdateEmitter.class);
        observed = spy(mongo);
        feed = new ProjectionFeed(new ApplicationProjection(observed, updates, new ApplicationMetrics(registry), vault,
                ApplicationQueriesTest.SERVICE_TIMES));
    }

    @Test
    void aBatchReadsItsApplicationsInOneQueryAndWritesThemInOneBulkWrite() {
        var applications = List.of(ktp(), ktp(), ktp());
        feed.liveInOneBatch(events(applications), ApplicationProjection.flushAfterLastEvent());
        var processed = applications.stream().map(application -> application.verified().routed("DUKCAPIL").processingStarted()).toList();

        feed.liveInOneBatch(processed.stream().flatMap(application -> application.events().stream().skip(1)).toList(),
                ApplicationProjection.flushAfterLastEvent());

        for (var application : processed) {
            assertThat(mongo.findById(application.id().value(), ApplicationDocument.class))
                    .extracting(document -> document.status, document -> document.version).containsExactly(IN_PROCESS, 3L);
        }
        verify(observed, times(2)).find(any(Query.class), eq(ApplicationDocument.class));
        verify(observed, times(1)).bulkOps(any(BulkOperations.BulkMode.class), eq(ApplicationDocument.class));
        verify(observed, never()).findById(any(), eq(ApplicationDocument.class));
        assertThat(total("mpp.projection.events")).isEqualTo(12);
        // announced once each batch is written, never per event
        verify(updates, times(6)).emit(eq(id.mpp.tracker.application.query.FindApplication.class), any(), any(Object.class));
    }

    @Test
    void aBatchWhoseWriteFailsIsRetriedWholeAndCountedOnce() {
        var applications = List.of(ktp(), ktp());
        feed.liveInOneBatch(events(applications), ApplicationProjection.flushAfterLastEvent());
        var completed = applications.stream().map(application -> application.verified().routed("DUKCAPIL").processingStarted()
                .completed("KTP-EL/6303/2026/0001")).toList();
        var batch = completed.stream().flatMap(application -> application.events().stream().skip(1)).toList();
        doThrow(new DataAccessResourceFailureException("MongoDB unreachable")).doCallRealMethod()
                .when(observed).bulkOps(any(BulkOperations.BulkMode.class), eq(ApplicationDocument.class));

        assertThatThrownBy(() -> feed.liveInOneBatch(batch, ApplicationProjection.flushAfterLastEvent()))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(total("mpp.applications.decided")).as("nothing counted of a batch not stored").isZero();
        feed.liveInOneBatch(batch, ApplicationProjection.flushAfterLastEvent());

        assertThat(total("mpp.applications.decided")).isEqualTo(2);
        assertThat(total("mpp.projection.events")).isEqualTo(2 + 8);
        verify(observed, atLeastOnce()).bulkOps(any(BulkOperations.BulkMode.class), eq(ApplicationDocument.class));
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        var application = ktp().verified().routed("DUKCAPIL");
        feed.liveInOneBatch(application.events(), ApplicationProjection.flushAfterLastEvent());
        var once = mongo.findById(application.id().value(), ApplicationDocument.class);

        feed.liveInOneBatch(application.events(), ApplicationProjection.flushAfterLastEvent());

        var twice = mongo.findById(application.id().value(), ApplicationDocument.class);
        assertThat(twice.version).isEqualTo(once.version);
        assertThat(twice.history).hasSize(once.history.size());
        assertThat(registry.find("mpp.projection.events").tag("outcome", "duplicate").counter().count()).isEqualTo(3);
    }

    private ApplicationStream ktp() {
        return ApplicationStream.submitted(siti, "KAB-BANJAR", "DUKCAPIL-KTP-EL", "DUKCAPIL", Channel.COUNTER, MONDAY_MORNING);
    }

    private static List<StoredEvent> events(List<ApplicationStream> applications) {
        return applications.stream().flatMap(application -> application.events().stream()).toList();
    }

    private double total(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
