package id.mpp.tracker.audit.verifier;

import id.mpp.tracker.audit.ChainBreak;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code java -jar audit-verifier.jar export.jsonl [another.jsonl ...]}: checks audit exports offline and prints
 * what it found per file. Exits with 0 when every export is intact, 1 when any has a break or is truncated, 2 when
 * any cannot be checked at all (missing, unreadable, not an export).
 */
public final class VerifyExport {

    private VerifyExport() {
    }

    public static void main(String... args) {
        System.exit(run(System.out, args));
    }

    /** The command without the exit: prints to {@code out} and returns the exit code. */
    public static int run(PrintStream out, String... args) {
        if (args.length == 0) {
            out.println("Usage: java -jar audit-verifier.jar export.jsonl [another.jsonl ...]");
            out.println("Checks audit exports of mpp-tracker offline. Exit code: 0 every export intact,");
            out.println("1 a break was found or an export is truncated, 2 an export cannot be checked at all.");
            return 2;
        }
        int exitCode = 0;
        for (String arg : args) {
            ExportReport report = verify(arg);
            print(report, out);
            exitCode = Math.max(exitCode, report.exitCode());
        }
        return exitCode;
    }

    private static ExportReport verify(String file) {
        try {
            return ExportVerifier.verify(Path.of(file));
        } catch (InvalidPathException e) {
            return ExportReport.unusable(file, "This is not a file name: " + e.getReason());
        }
    }

    static void print(ExportReport report, PrintStream out) {
        out.println(report.source());
        if (!report.usable()) {
            out.println("  CANNOT BE CHECKED: " + report.problems().get(0));
            return;
        }
        out.println("  export:  " + report.scope() + ", " + (report.wholeHistories() ? "whole histories" : "a stretch of the stream")
                + report.details().entrySet().stream().map(detail -> ", " + detail.getKey() + " " + detail.getValue())
                .collect(Collectors.joining()));
        out.println("  checked: " + report.eventsChecked() + " events");
        if (report.breaks() == 0) {
            out.println("  no break");
        } else {
            ChainBreak first = report.firstBreak();
            out.println("  " + report.breaks() + (report.breaks() == 1 ? " break" : " breaks") + "; the first: "
                    + first.problem() + where(first));
            out.println("    " + first.detail());
        }
        report.problems().forEach(problem -> out.println("  " + problem));
        out.println(report.intact() ? "  INTACT" : report.truncated() ? "  NOT INTACT, TRUNCATED" : "  NOT INTACT");
    }

    private static String where(ChainBreak at) {
        List<String> where = new ArrayList<>();
        if (at.aggregateId() != null) {
            where.add("aggregate " + at.aggregateId());
        }
        if (at.sequenceNumber() != null) {
            where.add("sequence number " + at.sequenceNumber());
        }
        if (at.eventId() != null) {
            where.add("event " + at.eventId());
        }
        if (at.position() != null) {
            where.add("position " + at.position());
        }
        return where.isEmpty() ? "" : " at " + String.join(", ", where);
    }
}
