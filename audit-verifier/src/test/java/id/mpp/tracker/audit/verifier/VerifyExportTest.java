package id.mpp.tracker.audit.verifier;

import id.mpp.tracker.audit.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static id.mpp.tracker.audit.verifier.Exports.altered;
import static id.mpp.tracker.audit.verifier.Exports.applicationExport;
import static id.mpp.tracker.audit.verifier.Exports.file;
import static id.mpp.tracker.audit.verifier.Exports.header;
import static id.mpp.tracker.audit.verifier.Exports.history;
import static id.mpp.tracker.audit.verifier.Exports.line;
import static id.mpp.tracker.audit.verifier.Exports.lines;
import static org.assertj.core.api.Assertions.assertThat;

class VerifyExportTest {

    @TempDir
    Path dir;

    private final List<RecordedEvent> application = history("APP-1", 0, 4);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void anIntactExportExitsWith0AndSaysSo() {
        Path export = applicationExport(dir, lines(application));

        assertThat(VerifyExport.run(out, export.toString())).isZero();
        assertThat(output()).contains(export.toString(), "export:  application, whole histories, exportedAt",
                "applicationId APP-1", "checked: 4 events", "no break", "INTACT").doesNotContain("NOT INTACT");
    }

    @Test
    void aBreakExitsWith1AndNamesTheFirstBreak() {
        List<String> lines = new ArrayList<>(lines(application));
        lines.set(1, line(altered(application.get(1), payload -> payload.with("applicant").put("ciphertext", "x"))));

        assertThat(VerifyExport.run(out, applicationExport(dir, lines).toString())).isEqualTo(1);
        assertThat(output()).contains("1 break; the first: altered at aggregate APP-1, sequence number 1, event APP-1-event-1",
                "The event carries hash", "NOT INTACT");
    }

    @Test
    void aTruncatedExportExitsWith1() {
        List<String> lines = new ArrayList<>();
        lines.add(header("application", true));
        lines.addAll(lines(application));

        assertThat(VerifyExport.run(out, file(dir, lines).toString())).isEqualTo(1);
        assertThat(output()).contains("no break", "There is no end line", "NOT INTACT, TRUNCATED");
    }

    @Test
    void aFileThatIsNoExportExitsWith2() {
        assertThat(VerifyExport.run(out, file(dir, List.of("hello")).toString())).isEqualTo(2);
        assertThat(output()).contains("CANNOT BE CHECKED: The first line is not JSON");
    }

    @Test
    void severalFilesExitWithTheWorstOfTheirCodes() {
        String intact = applicationExport(dir, lines(application)).toString();
        String missing = dir.resolve("missing.jsonl").toString();

        assertThat(VerifyExport.run(out, intact, missing, intact)).isEqualTo(2);
        assertThat(output()).contains("INTACT", "missing.jsonl", "There is no such file");
    }

    @Test
    void withoutFilesItShowsItsUsageAndExitsWith2() {
        assertThat(VerifyExport.run(out)).isEqualTo(2);
        assertThat(output()).startsWith("Usage: java -jar audit-verifier.jar export.jsonl");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
