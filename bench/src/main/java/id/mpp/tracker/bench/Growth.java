package id.mpp.tracker.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The same run over histories of growing size, each seeded afresh: how each figure grows with the history. A cost
 * that grows with history is a defect at national scale even where it is small today, so the report shows every
 * figure per size, and a plot of the reads' p99 against the size.
 */
final class Growth {

    private static final int BAR = 40;

    private Growth() {
    }

    static Path measure(Options options, String command) throws Exception {
        var runs = new LinkedHashMap<Integer, Map<String, Object>>();
        for (int applications : options.growth()) {
            Progress.show("growth: a history of " + applications + " applications");
            runs.put(applications, Bench.measureOne(options.seeding(applications), command).figures());
        }
        var report = new Report(command);
        report.figures("growth", runs);
        report.note("Each size is its own run: a fresh data directory, seeded, started, then measured.");
        report.section(table(runs) + "\n" + plot(runs));
        return report.write(options.results());
    }

    private static String table(Map<Integer, Map<String, Object>> runs) {
        var rows = new LinkedHashMap<String, Function<Map<String, Object>, String>>();
        rows.put("events in the store", run -> text(path(run, "seedCatchUp", "events")));
        rows.put("projections caught up after the seed (all three at once)", run -> seconds(path(run, "seedCatchUp", "ms")));
        rows.put("catch-up, events/s", run -> text(path(run, "seedCatchUp", "eventsPerSecond")));
        rows.put("dashboards rebuild, events/s", run -> text(path(run, "rebuild", "dashboards", "eventsPerSecond")));
        rows.put("status projection replay, events/s", run -> text(path(run, "rebuild", "applicationStatus", "eventsPerSecond")));
        rows.put("MongoDB _id upserts/s (the limit)", run -> text(path(run, "limits", "mongoIdUpserts", "perSecond")));
        for (String read : HistoryReads.READS) {
            rows.put(read + " p50 / p99 ms", run -> text(path(run, "readsOverHistory", read, "latency", "p50Ms")) + " / "
                    + text(path(run, "readsOverHistory", read, "latency", "p99Ms")));
        }
        var table = new StringBuilder("| measure |");
        runs.keySet().forEach(size -> table.append(" ").append(String.format("%,d", size)).append(" applications |"));
        table.append("\n|---|").append("---:|".repeat(runs.size())).append("\n");
        rows.forEach((measure, value) -> {
            table.append("| ").append(measure).append(" |");
            runs.values().forEach(run -> table.append(" ").append(value.apply(run)).append(" |"));
            table.append("\n");
        });
        return table.toString();
    }

    /** Each read's p99 per size as a bar, scaled to the slowest: flat bars are the goal. */
    private static String plot(Map<Integer, Map<String, Object>> runs) {
        double slowest = 0;
        var bars = new ArrayList<String[]>();
        for (String read : HistoryReads.READS) {
            for (var run : runs.entrySet()) {
                Object p99 = path(run.getValue(), "readsOverHistory", read, "latency", "p99Ms");
                if (p99 instanceof Number number) {
                    slowest = Math.max(slowest, number.doubleValue());
                    bars.add(new String[]{read, String.format("%,d", run.getKey()), String.valueOf(number.doubleValue())});
                }
            }
        }
        var plot = new StringBuilder("p99 of each read by history size (log scale, longest bar " + text(slowest) + " ms):\n\n```\n");
        double scale = Math.log1p(slowest);
        for (String[] bar : bars) {
            double ms = Double.parseDouble(bar[2]);
            int length = scale == 0 ? 0 : (int) Math.round(BAR * Math.log1p(ms) / scale);
            plot.append(String.format("%-26s %10s  %-" + BAR + "s %s ms%n", bar[0], bar[1], "#".repeat(Math.max(1, length)), text(ms)));
        }
        return plot.append("```\n").toString();
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> figures, String... keys) {
        Object at = figures;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = ((Map<String, Object>) map).get(key);
        }
        return at;
    }

    private static String seconds(Object ms) {
        return ms instanceof Number number ? String.format("%.1f s", number.doubleValue() / 1000) : "—";
    }

    private static String text(Object value) {
        if (value instanceof Number number) {
            double figure = number.doubleValue();
            return figure == Math.rint(figure) ? String.format("%,d", (long) figure) : String.format("%,.1f", figure);
        }
        return value == null ? "—" : value.toString();
    }
}
