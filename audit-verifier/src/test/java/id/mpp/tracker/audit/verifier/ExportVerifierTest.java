package id.mpp.tracker.audit.verifier;

import id.mpp.tracker.audit.ChainBreak;
import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.audit.RecordedEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static id.mpp.tracker.audit.verifier.Exports.altered;
import static id.mpp.tracker.audit.verifier.Exports.applicationExport;
import static id.mpp.tracker.audit.verifier.Exports.end;
import static id.mpp.tracker.audit.verifier.Exports.file;
import static id.mpp.tracker.audit.verifier.Exports.header;
import static id.mpp.tracker.audit.verifier.Exports.history;
import static id.mpp.tracker.audit.verifier.Exports.line;
import static id.mpp.tracker.audit.verifier.Exports.lines;
import static id.mpp.tracker.audit.verifier.Exports.mppExport;
import static org.assertj.core.api.Assertions.assertThat;

class ExportVerifierTest {

    @TempDir
    Path dir;

    private final List<RecordedEvent> application = history("APP-1", 0, 5);

    @Nested
    class ApplicationExport {

        @Test
        void anUntouchedExportIsIntact() {
            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines(application)));

            assertThat(report.intact()).isTrue();
            assertThat(report.exitCode()).isZero();
            assertThat(report.scope()).isEqualTo("application");
            assertThat(report.wholeHistories()).isTrue();
            assertThat(report.details()).containsEntry("applicationId", "APP-1");
            assertThat(report.eventsChecked()).isEqualTo(5);
            assertThat(report.breaks()).isZero();
            assertThat(report.firstBreak()).isNull();
            assertThat(report.truncated()).isFalse();
            assertThat(report.problems()).isEmpty();
        }

        @Test
        void aChangedPayloadFieldShowsAsAlteredAtThatEvent() {
            List<String> lines = new ArrayList<>(lines(application));
            lines.set(2, line(altered(application.get(2), payload -> payload.with("applicant").put("ciphertext", "forged"))));

            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines));

            assertThat(report.intact()).isFalse();
            assertThat(report.exitCode()).isEqualTo(1);
            assertThat(report.breaks()).isEqualTo(1);
            assertBreak(report.firstBreak(), "altered", "APP-1", 2L);
            assertThat(report.firstBreak().eventId()).isEqualTo("APP-1-event-2");
            assertThat(report.truncated()).isFalse();
        }

        @Test
        void aDeletedLineShowsAsMissingEventsEvenWhenTheCountWasFixed() {
            List<String> lines = new ArrayList<>(lines(application));
            lines.remove(2);

            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines));

            assertThat(report.truncated()).isFalse();
            assertThat(report.breaks()).isEqualTo(1);
            assertBreak(report.firstBreak(), "missing-events", "APP-1", 3L);
            assertThat(report.firstBreak().detail()).contains("Event 2 of APP-1 is missing");
            assertThat(report.exitCode()).isEqualTo(1);
        }

        @Test
        void twoSwappedLinesBreakWhereTheLaterEventComesFirst() {
            List<String> lines = new ArrayList<>(lines(application));
            Collections.swap(lines, 2, 3);

            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines));

            assertBreak(report.firstBreak(), "missing-events", "APP-1", 3L);
            assertThat(report.breaks()).isGreaterThanOrEqualTo(2);
            assertThat(report.exitCode()).isEqualTo(1);
        }

        @Test
        void aForgedEventWithItsOwnHashRecomputedBreaksTheChainAtTheNextEvent() {
            RecordedEvent forged = altered(application.get(2), payload -> payload.put("serviceCode", "PASPOR"));
            List<String> lines = new ArrayList<>(lines(application));
            lines.set(2, line(forged.withHash(EventHashes.hash(forged))));

            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines));

            assertThat(report.breaks()).isEqualTo(1);
            assertBreak(report.firstBreak(), "chain-broken", "APP-1", 3L);
        }

        @Test
        void anExportWithoutItsFirstEventsMissesItsStart() {
            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines(application.subList(2, 5))));

            assertBreak(report.firstBreak(), "missing-start", "APP-1", 2L);
        }

        @Test
        void anExportCutShortBeforeItsEndLineIsTruncated() {
            List<String> lines = new ArrayList<>();
            lines.add(header("application", true));
            lines.addAll(lines(application.subList(0, 3)));

            ExportReport report = ExportVerifier.verify(file(dir, lines));

            assertThat(report.breaks()).isZero();
            assertThat(report.truncated()).isTrue();
            assertThat(report.problems()).singleElement().asString().contains("no end line", "line 4");
            assertThat(report.intact()).isFalse();
            assertThat(report.exitCode()).isEqualTo(1);
        }

        @Test
        void anExportCutInTheMiddleOfALineIsTruncatedWithABreakThere() {
            List<String> lines = new ArrayList<>();
            lines.add(header("application", true));
            lines.addAll(lines(application.subList(0, 2)));
            String third = line(application.get(2));
            lines.add(third.substring(0, third.length() / 2));

            ExportReport report = ExportVerifier.verify(file(dir, lines));

            assertThat(report.truncated()).isTrue();
            assertBreak(report.firstBreak(), "unreadable", null, null);
            assertThat(report.firstBreak().detail()).contains("line 4 is not JSON");
        }

        @Test
        void anEndLineCountingOtherLinesThanPrecedeItMeansTruncated() {
            List<String> lines = new ArrayList<>();
            lines.add(header("application", true));
            lines.addAll(lines(application.subList(0, 4)));
            lines.add(end(5));

            ExportReport report = ExportVerifier.verify(file(dir, lines));

            assertThat(report.breaks()).isZero();
            assertThat(report.truncated()).isTrue();
            assertThat(report.problems()).singleElement().asString().contains("counts 5 events but 4 lines");
            assertThat(report.exitCode()).isEqualTo(1);
        }

        @Test
        void linesAfterTheEndLineMakeAnExportNotIntact() {
            List<String> lines = new ArrayList<>();
            lines.add(header("application", true));
            lines.addAll(lines(application));
            lines.add(end(5));
            lines.add(line(history("APP-2", 0, 1).get(0)));

            ExportReport report = ExportVerifier.verify(file(dir, lines));

            assertThat(report.breaks()).isZero();
            assertThat(report.truncated()).isFalse();
            assertThat(report.problems()).singleElement().asString().contains("follow the end line", "line 8");
            assertThat(report.exitCode()).isEqualTo(1);
        }

        @Test
        void aLineThatIsNoEventIsAnUnreadableBreakNamedByItsLine() {
            List<String> lines = new ArrayList<>(lines(application));
            lines.set(1, "{\"note\":\"hello\"}");

            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines));

            assertBreak(report.firstBreak(), "unreadable", null, null);
            assertThat(report.firstBreak().detail()).contains("line 3");
            assertThat(report.eventsChecked()).isEqualTo(5);
            assertThat(report.truncated()).isFalse();
        }

        @Test
        void aLineWithAFieldGivenTwiceIsUnreadableRatherThanReadEitherWay() {
            List<String> lines = new ArrayList<>(lines(application));
            lines.set(1, lines.get(1).replaceFirst("\\{", "{\"eventId\":\"other\","));

            ExportReport report = ExportVerifier.verify(applicationExport(dir, lines));

            assertBreak(report.firstBreak(), "unreadable", null, null);
            assertThat(report.firstBreak().detail()).contains("line 3", "eventId");
        }
    }

    @Nested
    class MppExport {

        private final List<RecordedEvent> first = history("APP-7", 3, 3);
        private final List<RecordedEvent> second = history("APP-8", 0, 2);

        private List<String> interleaved() {
            return List.of(line(first.get(0), 100), line(second.get(0), 104), line(first.get(1), 105),
                    line(second.get(1), 109), line(first.get(2), 112));
        }

        @Test
        void aStretchWhoseHistoriesBeganBeforeItIsIntact() {
            ExportReport report = ExportVerifier.verify(mppExport(dir, interleaved()));

            assertThat(report.intact()).isTrue();
            assertThat(report.scope()).isEqualTo("mpp");
            assertThat(report.wholeHistories()).isFalse();
            assertThat(report.details()).containsEntry("mppCode", "MPP-JKT-01");
            assertThat(report.eventsChecked()).isEqualTo(5);
        }

        @Test
        void theSameLinesClaimedAsWholeHistoriesMissTheirStart() {
            ExportReport report = ExportVerifier.verify(Exports.export(dir, "mpp", true, interleaved()));

            assertBreak(report.firstBreak(), "missing-start", "APP-7", 3L);
            assertThat(report.firstBreak().position()).isEqualTo(100L);
        }

        @Test
        void positionsGoingBackAreOutOfOrderWhereTheyGoBack() {
            List<String> lines = new ArrayList<>(interleaved());
            Collections.swap(lines, 1, 2);

            ExportReport report = ExportVerifier.verify(mppExport(dir, lines));

            assertThat(report.breaks()).isEqualTo(1);
            assertBreak(report.firstBreak(), "out-of-order", "APP-8", 0L);
            assertThat(report.firstBreak().position()).isEqualTo(104L);
            assertThat(report.firstBreak().detail()).contains("Position 104 comes after position 105");
        }

        @Test
        void aRepeatedLineIsOutOfOrder() {
            List<String> lines = new ArrayList<>(interleaved());
            lines.add(2, lines.get(1));

            ExportReport report = ExportVerifier.verify(mppExport(dir, lines));

            assertBreak(report.firstBreak(), "out-of-order", "APP-8", 0L);
            assertThat(report.firstBreak().position()).isEqualTo(104L);
        }

        @Test
        void anEventTheServerCouldNotReadIsAnUnreadableBreakWhereItStands() {
            List<String> lines = new ArrayList<>(interleaved());
            lines.add(3, "{\"unreadableEvent\":{\"eventId\":\"APP-9-event-4\",\"aggregateId\":\"APP-9\","
                    + "\"sequenceNumber\":4,\"position\":107}}");

            ExportReport report = ExportVerifier.verify(mppExport(dir, lines));

            assertThat(report.eventsChecked()).isEqualTo(6);
            assertThat(report.breaks()).isEqualTo(1);
            assertBreak(report.firstBreak(), "unreadable", "APP-9", 4L);
            assertThat(report.firstBreak().eventId()).isEqualTo("APP-9-event-4");
            assertThat(report.firstBreak().position()).isEqualTo(107L);
            assertThat(report.truncated()).isFalse();
            assertThat(report.exitCode()).isEqualTo(1);
        }
    }

    @Nested
    class NotAnExport {

        @Test
        void aMissingFileCannotBeChecked() {
            ExportReport report = ExportVerifier.verify(dir.resolve("nowhere.jsonl"));

            assertThat(report.usable()).isFalse();
            assertThat(report.exitCode()).isEqualTo(2);
            assertThat(report.problems()).singleElement().asString().contains("no such file");
        }

        @Test
        void anEmptyFileCannotBeChecked() {
            assertThat(ExportVerifier.verify(file(dir, List.of())).exitCode()).isEqualTo(2);
        }

        @Test
        void aFileOfOtherJsonCannotBeChecked() {
            ExportReport report = ExportVerifier.verify(file(dir, lines(application)));

            assertThat(report.usable()).isFalse();
            assertThat(report.exitCode()).isEqualTo(2);
            assertThat(report.problems()).singleElement().asString().contains("not an export header");
        }

        @Test
        void aFileOfTextCannotBeChecked() {
            ExportReport report = ExportVerifier.verify(file(dir, List.of("id,status", "APP-1,SUBMITTED")));

            assertThat(report.exitCode()).isEqualTo(2);
            assertThat(report.problems()).singleElement().asString().contains("not JSON");
        }

        @Test
        void anExportOfAnUnknownFormatCannotBeChecked() {
            List<String> lines = new ArrayList<>();
            lines.add(header("application", true).replace("export/1", "export/2"));
            lines.addAll(lines(application));
            lines.add(end(5));

            ExportReport report = ExportVerifier.verify(file(dir, lines));

            assertThat(report.exitCode()).isEqualTo(2);
            assertThat(report.problems()).singleElement().asString().contains("mpp-tracker-audit-export/2");
        }

        @Test
        void aDirectoryCannotBeChecked() {
            assertThat(ExportVerifier.verify(dir).exitCode()).isEqualTo(2);
        }
    }

    @Test
    void anExportReadFromAReaderIsCheckedAlike() throws IOException {
        String export = String.join("\n", header("application", true), line(application.get(0)), line(application.get(1)),
                end(2));

        ExportReport report = ExportVerifier.verify(new StringReader(export), "response body");

        assertThat(report.source()).isEqualTo("response body");
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNoProblem() throws IOException {
        Path export = applicationExport(dir, lines(application));
        Files.write(export, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(export)));

        assertThat(ExportVerifier.verify(export).intact()).isTrue();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void assertBreak(ChainBreak found, String problem, String aggregateId, Long sequenceNumber) {
        assertThat(found).as("first break").isNotNull();
        assertThat(found.problem()).as("problem of %s", found).isEqualTo(problem);
        assertThat(found.aggregateId()).as("aggregate of %s", found).isEqualTo(aggregateId);
        assertThat(found.sequenceNumber()).as("sequence number of %s", found).isEqualTo(sequenceNumber);
    }
}
