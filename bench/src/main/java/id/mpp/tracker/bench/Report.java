package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: a table on standard output, and the same as JSON and as a dated Markdown report. Every
 * figure that can be is also given as a ratio to the physical limit measured in the same run, because absolute
 * figures on shared machines move from run to run.
 */
final class Report {

    record Row(String scenario, String measure, String value, String ratio) {
    }

    private final ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC);
    private final String command;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    Report(String command) {
        this.command = command;
        figures.put("at", at.toString());
        figures.put("command", command);
        figures.put("machine", machine());
    }

    void figures(String scenario, Object value) {
        figures.put(scenario, value);
    }

    void row(String scenario, String measure, String value, String ratio) {
        rows.add(new Row(scenario, measure, value, ratio == null ? "" : ratio));
    }

    void note(String note) {
        notes.add(note);
    }

    /** Markdown of its own (a table across runs, a plot), after the rows and notes. */
    void section(String markdown) {
        sections.add(markdown);
    }

    Map<String, Object> figures() {
        return figures;
    }

    String table() {
        int[] widths = {8, 7, 5, 5};
        for (Row row : rows) {
            widths[0] = Math.max(widths[0], row.scenario().length());
            widths[1] = Math.max(widths[1], row.measure().length());
            widths[2] = Math.max(widths[2], row.value().length());
            widths[3] = Math.max(widths[3], row.ratio().length());
        }
        String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %-" + widths[3] + "s%n";
        var table = new StringBuilder(String.format(format, "scenario", "measure", "value", "ratio"));
        for (Row row : rows) {
            table.append(String.format(format, row.scenario(), row.measure(), row.value(), row.ratio()));
        }
        return table.toString();
    }

    String markdown() {
        var text = new StringBuilder("# Benchmark run of " + at.format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                + at.format(DateTimeFormatter.ofPattern("HH:mm")) + " UTC\n\n");
        text.append("Command: `").append(command).append("`\n\n");
        @SuppressWarnings("unchecked") var machine = (Map<String, Object>) figures.get("machine");
        text.append("Machine: ").append(machine.get("cpus")).append(" CPUs (").append(machine.get("cpuModel")).append("), ")
                .append(machine.get("memoryGiB")).append(" GiB, Java ").append(machine.get("java")).append(", ")
                .append(machine.get("os")).append("\n\n");
        if (!rows.isEmpty()) {
            text.append("| scenario | measure | value | ratio |\n|---|---|---:|---|\n");
        }
        for (Row row : rows) {
            text.append("| ").append(row.scenario()).append(" | ").append(row.measure()).append(" | ").append(row.value())
                    .append(" | ").append(row.ratio()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            text.append("\n");
            notes.forEach(note -> text.append("- ").append(note).append("\n"));
        }
        sections.forEach(section -> text.append("\n").append(section));
        text.append("\nEvery figure of the run is in the JSON file of the same name.\n");
        return text.toString();
    }

    /** Writes {@code <date>T<time>Z.json} and {@code .md} and answers the Markdown file. */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'"));
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve(name + ".json").toFile(), figures);
        Path markdown = directory.resolve(name + ".md");
        Files.writeString(markdown, markdown());
        return markdown;
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return Math.round(value * 100) / 100.0;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return "not reached";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    static String ms(double value) {
        return number(value) + " ms";
    }

    static String share(double part, double whole) {
        return whole > 0 && !Double.isNaN(part) ? String.format(Locale.ROOT, "%.1f%% of %s", 100 * part / whole, "limit") : null;
    }

    private static Map<String, Object> machine() {
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", cpuModel());
        machine.put("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
