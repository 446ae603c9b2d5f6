package id.mpp.tracker.audit;

/**
 * The audit export, JSON Lines: a header line {@code {"export": {...}}}, one line per event (a {@link RecordedEvent}
 * with its stream {@code position} when known, or {@code {"unreadableEvent": {...}}} for one that no longer reads),
 * and a closing line {@code {"exportEnd": {"events": N}}}, so that a cut file shows.
 */
public final class ExportFormat {

    public static final String FORMAT = "mpp-tracker-audit-export/1";
    public static final String HEADER = "export";
    public static final String END = "exportEnd";
    public static final String UNREADABLE = "unreadableEvent";
    public static final String POSITION = "position";

    private ExportFormat() {
    }
}
