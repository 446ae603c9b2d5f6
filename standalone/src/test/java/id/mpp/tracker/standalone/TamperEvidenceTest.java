package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.audit.RecordedEvent;
import id.mpp.tracker.command.audit.chain.StreamAnchoring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence: events are changed, removed and reordered directly in the PostgreSQL event store, behind the
 * system's back, and the verify endpoints name the first place where the chain of hashes breaks. Every change is
 * undone after its test.
 */
@StandaloneTest
class TamperEvidenceTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTPUT = "KTP-EL/3578/2026/0123";

    @Autowired
    JdbcTemplate eventStore;
    @Autowired
    StreamAnchoring anchoring;

    private EventStoreRows rows;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    @BeforeEach
    void rows() {
        rows = new EventStoreRows(eventStore);
    }

    @AfterEach
    void undoTampering() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    @Test
    void anUntouchedHistoryIsIntactAndEndsInTheHashOfItsLastEvent() {
        Instant before = Instant.now().minusSeconds(1);
        String id = completedApplication();

        JsonNode report = verify(id);

        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("eventsChecked").asLong()).isEqualTo(5);
        assertThat(report.path("firstBreak").isNull()).isTrue();
        assertThat(report.path("lastHash").asText()).isEqualTo(rows.hash(id, 4)).hasSize(64);
        JsonNode stretch = verifyStretch("from=" + before);
        assertThat(stretch.path("intact").asBoolean()).as(stretch.toString()).isTrue();
        assertThat(stretch.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aChangedPayloadIsFoundAtItsEvent() {
        Instant before = Instant.now().minusSeconds(1);
        String id = completedApplication();

        replaceInPayload(id, 4, OUTPUT, "KTP-EL/3578/2026/9999");

        JsonNode firstBreak = verify(id).path("firstBreak");
        assertThat(firstBreak.path("problem").asText()).isEqualTo("altered");
        assertThat(firstBreak.path("aggregateId").asText()).isEqualTo(id);
        assertThat(firstBreak.path("sequenceNumber").asLong()).isEqualTo(4);
        assertThat(firstBreak.path("eventId").asText()).isEqualTo(rows.eventId(id, 4));
        assertThat(firstBreak.path("detail").asText()).contains(rows.hash(id, 4));

        JsonNode stretch = verifyStretch("from=" + before);
        assertThat(stretch.path("intact").asBoolean()).isFalse();
        assertThat(stretch.at("/firstBreak/position").asLong()).isEqualTo(rows.globalIndex(id, 4));
        assertThat(stretch.at("/firstBreak/problem").asText()).isEqualTo("altered");
    }

    @Test
    void aDeletedEventIsFoundWhereItIsMissing() {
        String id = completedApplication();

        delete(id, 2);

        JsonNode report = verify(id);
        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.at("/firstBreak/problem").asText()).isEqualTo("missing-events");
        assertThat(report.at("/firstBreak/sequenceNumber").asLong()).isEqualTo(3);
        assertThat(report.at("/firstBreak/detail").asText()).isEqualTo("Event 2 of " + id + " is missing");
    }

    @Test
    void swappedEventsAreFoundAtTheFirstOfThem() {
        String id = completedApplication();

        swap(id, 2, 3);

        JsonNode firstBreak = verify(id).path("firstBreak");
        assertThat(firstBreak.path("problem").asText()).isEqualTo("altered");
        assertThat(firstBreak.path("sequenceNumber").asLong()).isEqualTo(2);
    }

    @Test
    void aForgedHashIsFound() {
        String id = completedApplication();

        replaceInMetadata(id, 1, rows.hash(id, 1), "f".repeat(64));

        JsonNode firstBreak = verify(id).path("firstBreak");
        assertThat(firstBreak.path("problem").asText()).isEqualTo("altered");
        assertThat(firstBreak.path("sequenceNumber").asLong()).isEqualTo(1);
    }

    @Test
    void aChangeWhoseHashIsRecomputedBreaksTheLinkToTheNextEvent() {
        String id = completedApplication();
        RecordedEvent started = exportedEvents(id).get(3);
        String forgedPrincipalHash = EventHashes.hash(startedBy(started, "agency-imigrasi"));

        replaceInMetadata(id, 3, "\"agency-dukcapil\"", "\"agency-imigrasi\"");
        replaceInMetadata(id, 3, started.hash(), forgedPrincipalHash);

        JsonNode firstBreak = verify(id).path("firstBreak");
        assertThat(firstBreak.path("problem").asText()).isEqualTo("chain-broken");
        assertThat(firstBreak.path("sequenceNumber").asLong()).as("the forged event itself hashes right").isEqualTo(4);
        assertThat(firstBreak.path("detail").asText()).contains(forgedPrincipalHash);
    }

    @Test
    void anUnreadableEventIsNamed() {
        String id = completedApplication();

        overwritePayload(id, 3, "not json at all");

        JsonNode firstBreak = verify(id).path("firstBreak");
        assertThat(firstBreak.path("problem").asText()).isEqualTo("unreadable");
        assertThat(firstBreak.path("sequenceNumber").asLong()).isEqualTo(3);
        assertThat(firstBreak.path("eventId").asText()).isEqualTo(rows.eventId(id, 3));
    }

    @Test
    void theChainStillHoldsAfterTheApplicantIsErased() {
        String nik = "3578015009910004";
        String id = api.submit("KOTA-SURABAYA", "DUKCAPIL-KTP-EL", "COUNTER", nik, "Dewi Lestari").text("applicationId");
        api.act(id, "verify");

        var erasure = api.as("admin").post(Api.BASE + "/data-subjects/" + nik + "/erasure", Map.of("reason", "Permintaan subjek data"));
        assertThat(erasure.status()).isEqualTo(200);

        JsonNode report = verify(id);
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("eventsChecked").asLong()).isEqualTo(3);
        assertThat(exportedEvents(id).get(0).payload().at("/applicant/ciphertext").asText())
                .as("the sealed form stays, only its key is gone").isNotBlank();
    }

    @Test
    void aHistoryCutShortStillChainsButTheAnchorOverItShowsTheMissingEvent() {
        String id = completedApplication();
        assertThat(anchoring.anchor()).isPositive();

        delete(id, 4);

        assertThat(verify(id).path("intact").asBoolean()).as("the remaining events still chain").isTrue();
        JsonNode stretch = verifyStretch("from=" + rows.timestamp(id, 0));
        assertThat(stretch.path("intact").asBoolean()).isFalse();
        assertThat(stretch.path("anchorsChecked").asLong()).isPositive();
        assertThat(stretch.at("/firstBreak/problem").asText()).isEqualTo("anchor-mismatch");
        assertThat(stretch.at("/firstBreak/detail").asText()).contains("events were removed, added or reordered");
    }

    @Test
    void eventsOfTwoHistoriesSwappedInTheStreamAreFoundByTheAnchor() {
        String first = completedApplication();
        String second = completedApplication();
        anchoring.anchor();

        // each history keeps its own order: only the anchor over the stream sees the swap
        swapPositions(first, 4, second, 0);

        assertThat(verify(first).path("intact").asBoolean()).isTrue();
        assertThat(verify(second).path("intact").asBoolean()).isTrue();
        JsonNode stretch = verifyStretch("from=" + rows.timestamp(first, 0));
        assertThat(stretch.at("/firstBreak/problem").asText()).as(stretch.toString()).isEqualTo("anchor-mismatch");
        assertThat(stretch.path("breaks").asLong()).isEqualTo(1);
    }

    @Test
    void anchorsFollowOneAnotherAndTheWholeStreamChecksAgainstThem() {
        String id = completedApplication();
        anchoring.anchor();
        api.act(api.submit().text("applicationId"), "verify");
        anchoring.anchor();

        JsonNode anchors = api.as("auditor").get(Api.BASE + "/audit/anchors?size=2").body();
        JsonNode newest = anchors.at("/items/0");
        JsonNode before = anchors.at("/items/1");
        assertThat(newest.path("afterPosition").asLong()).isEqualTo(before.path("throughPosition").asLong());
        assertThat(newest.path("number").asLong()).isEqualTo(before.path("number").asLong() + 1);
        assertThat(newest.path("events").asLong()).isEqualTo(3 + 1);
        assertThat(newest.path("anchorHash").asText()).hasSize(64);
        assertThat(anchoring.anchor()).as("nothing new to seal but the last anchor itself").isEqualTo(1);

        JsonNode whole = verifyStretch("limit=1000000");
        assertThat(whole.path("intact").asBoolean()).as(whole.toString()).isTrue();
        assertThat(whole.path("anchorsChecked").asLong()).isEqualTo(anchors.path("anchors").asLong() + 1);
        assertThat(whole.path("unanchoredEvents").asLong()).isEqualTo(1);

        JsonNode firstPage = verifyStretch("limit=" + (whole.path("eventsChecked").asLong() - 1));
        JsonNode sealedLast = api.as("auditor").get(Api.BASE + "/audit/anchors?size=1").body().at("/items/0");
        assertThat(firstPage.path("resumeAfter").asLong()).as("the end of the last anchor checked whole")
                .isEqualTo(sealedLast.path("throughPosition").asLong());
        JsonNode oldest = lastOf(api.as("auditor").get(Api.BASE + "/audit/anchors?size=500").body().path("items"));
        JsonNode oneAnchor = verifyStretch("limit=1");
        assertThat(oneAnchor.path("anchorsChecked").asLong()).as("an anchor begun is checked whole").isEqualTo(1);
        assertThat(oneAnchor.path("eventsChecked").asLong()).isEqualTo(oldest.path("events").asLong());
        assertThat(oneAnchor.path("resumeAfter").asLong()).isEqualTo(oldest.path("throughPosition").asLong());
        JsonNode rest = verifyStretch("after=" + firstPage.path("resumeAfter").asLong());
        assertThat(rest.path("intact").asBoolean()).isTrue();
        assertThat(rest.path("eventsChecked").asLong()).as("the newest anchor's own event").isEqualTo(1);
        assertThat(rest.path("unanchoredEvents").asLong()).isEqualTo(1);
        assertThat(verify(id).path("intact").asBoolean()).isTrue();
    }

    private static JsonNode lastOf(JsonNode items) {
        return items.get(items.size() - 1);
    }

    @Test
    void aStretchCheckIsAskedForClearly() {
        var both = api.as("auditor").get(Api.BASE + "/audit/verify?from=2026-11-01T00:00:00Z&after=3");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.text("detail")).isEqualTo("after cannot be given together with from: one says where to start");
        assertThat(api.as("auditor").get(Api.BASE + "/audit/verify?limit=0").status()).isEqualTo(400);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/verify?after=-1").status()).isEqualTo(400);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/verify?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(api.as("viewer").get(Api.BASE + "/audit/verify").status()).isEqualTo(403);
    }

    private String completedApplication() {
        String id = api.submit().text("applicationId");
        api.act(id, "verify");
        api.act(id, "start-processing");
        var completed = api.act(id, "complete", Map.of("outputReference", OUTPUT));
        assertThat(completed.version()).isEqualTo(4);
        return id;
    }

    private JsonNode verify(String id) {
        var reply = api.as("auditor").get(Api.BASE + "/audit/applications/" + id + "/verify");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode verifyStretch(String query) {
        var reply = api.as("auditor").get(Api.BASE + "/audit/verify?" + query);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private List<RecordedEvent> exportedEvents(String id) {
        String export = api.download(Api.BASE + "/audit/applications/" + id + "/export").getBody();
        return export.lines().map(TamperEvidenceTest::json).filter(line -> line.has("eventId"))
                .map(RecordedEvent::fromJson).toList();
    }

    /** The event as if another principal had caused it, not hashed yet. */
    private static RecordedEvent startedBy(RecordedEvent event, String principal) {
        ObjectNode metadata = event.metadata().deepCopy().put("principal", principal);
        return new RecordedEvent(event.aggregateType(), event.aggregateId(), event.sequenceNumber(), event.eventId(),
                event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(), metadata,
                event.previousHash(), null);
    }

    private void replaceInPayload(String id, long sequence, String original, String replacement) {
        String payload = rows.text("payload", id, sequence);
        assertThat(payload).contains(original);
        overwrite("payload", id, sequence, payload.replace(original, replacement));
    }

    private void overwritePayload(String id, long sequence, String replacement) {
        overwrite("payload", id, sequence, replacement);
    }

    private void replaceInMetadata(String id, long sequence, String original, String replacement) {
        String metadata = rows.text("metaData", id, sequence);
        assertThat(metadata).contains(original);
        overwrite("metaData", id, sequence, metadata.replace(original, replacement));
    }

    private void overwrite(String column, String id, long sequence, String replacement) {
        byte[] original = rows.text(column, id, sequence).getBytes(StandardCharsets.UTF_8);
        String update = "update DomainEventEntry set " + column + " = ? where aggregateIdentifier = ? and sequenceNumber = ?";
        eventStore.update(update, replacement.getBytes(StandardCharsets.UTF_8), id, sequence);
        undo.push(() -> eventStore.update(update, original, id, sequence));
    }

    private void delete(String id, long sequence) {
        Map<String, Object> row = eventStore.queryForMap("select * from DomainEventEntry where aggregateIdentifier = ? and sequenceNumber = ?", id, sequence);
        eventStore.update("delete from DomainEventEntry where aggregateIdentifier = ? and sequenceNumber = ?", id, sequence);
        undo.push(() -> eventStore.update("insert into DomainEventEntry (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")", row.values().toArray()));
    }

    private void swap(String id, long first, long second) {
        String move = "update DomainEventEntry set sequenceNumber = ? where aggregateIdentifier = ? and sequenceNumber = ?";
        Runnable swap = () -> {
            eventStore.update(move, -1, id, first);
            eventStore.update(move, first, id, second);
            eventStore.update(move, second, id, -1);
        };
        swap.run();
        undo.push(swap);
    }

    private void swapPositions(String first, long firstSequence, String second, long secondSequence) {
        long firstIndex = rows.globalIndex(first, firstSequence);
        long secondIndex = rows.globalIndex(second, secondSequence);
        String move = "update DomainEventEntry set globalIndex = ? where globalIndex = ?";
        Runnable swap = () -> {
            eventStore.update(move, -1, firstIndex);
            eventStore.update(move, firstIndex, secondIndex);
            eventStore.update(move, secondIndex, -1);
        };
        swap.run();
        undo.push(swap);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
