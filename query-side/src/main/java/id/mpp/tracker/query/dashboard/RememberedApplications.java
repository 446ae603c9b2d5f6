package id.mpp.tracker.query.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * While a rebuild catches up with the stream: the applications it has counted, kept in memory rather than read and
 * written by every batch that touches them (an application's events are spread over days of the stream, so over
 * many batches). The most recently counted ones are kept, up to a bound; those dropped beyond it are written with
 * the next batch and read back should a later event need them, and the rest are written once the rebuild has
 * caught up. The new generation serves nobody until then, and a rebuild that fails starts again from nothing, so
 * no one ever reads an application that is only remembered.
 */
final class RememberedApplications {

    private final int capacity;
    private final Map<String, DashboardApplication> recent;
    private final List<DashboardApplication> dropped = new ArrayList<>();
    private boolean anyDropped;

    RememberedApplications(int capacity) {
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DashboardApplication> eldest) {
                if (size() <= RememberedApplications.this.capacity) {
                    return false;
                }
                dropped.add(eldest.getValue());
                anyDropped = true;
                return true;
            }
        };
    }

    DashboardApplication get(String id) {
        return recent.get(id);
    }

    /** Whether an application not remembered may still have been counted: only if one was dropped before. */
    boolean mayBeStored() {
        return anyDropped;
    }

    void remember(DashboardApplication application) {
        recent.put(application.id, application);
    }

    /** The applications dropped since last asked, to be written. */
    List<DashboardApplication> takeDropped() {
        var taken = new ArrayList<>(dropped);
        dropped.clear();
        return taken;
    }

    /** Every application not written yet; remembers nothing more. */
    List<DashboardApplication> takeAll() {
        var taken = takeDropped();
        taken.addAll(recent.values());
        recent.clear();
        return taken;
    }
}
