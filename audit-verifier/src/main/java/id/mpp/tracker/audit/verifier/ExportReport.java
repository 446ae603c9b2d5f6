package id.mpp.tracker.audit.verifier;

import id.mpp.tracker.audit.ChainBreak;

import java.util.List;
import java.util.Map;

/**
 * What the verifier found in one export.
 *
 * @param source         the export, as it was named to the verifier
 * @param usable         whether it could be checked at all: it exists, can be read, and opens with a known header
 * @param format         the format its header names, {@code null} without a header
 * @param scope          what was exported, as the header says: {@code application} or {@code mpp}
 * @param wholeHistories whether it holds whole histories (each aggregate from its first event) or a stretch of the stream
 * @param details        the header's other fields (applicationId, mppCode, from, to, exportedAt...), as text
 * @param eventsChecked  the lines between header and end, each checked as an event, readable or not
 * @param breaks         how many of them break the chain
 * @param firstBreak     the first of those breaks, {@code null} when there is none
 * @param truncated      the end line is missing, or counts other lines than precede it: part of the export is lost
 * @param problems       what is wrong with the export as a whole, in English: why it cannot be used, why it counts
 *                       as truncated, lines after its end
 */
public record ExportReport(String source, boolean usable, String format, String scope, boolean wholeHistories,
                           Map<String, String> details, long eventsChecked, long breaks, ChainBreak firstBreak,
                           boolean truncated, List<String> problems) {

    public ExportReport {
        details = details == null ? Map.of() : details;
        problems = List.copyOf(problems);
    }

    static ExportReport unusable(String source, String why) {
        return new ExportReport(source, false, null, null, false, null, 0, 0, null, false, List.of(why));
    }

    /** Every event is where it belongs and unchanged, and nothing was lost or added. */
    public boolean intact() {
        return usable && breaks == 0 && problems.isEmpty();
    }

    /** 0 when intact, 1 when it is not (a break, truncated), 2 when it could not be checked. */
    public int exitCode() {
        return !usable ? 2 : intact() ? 0 : 1;
    }
}
