package id.mpp.tracker.audit.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import id.mpp.tracker.audit.ChainBreak;
import id.mpp.tracker.audit.ChainCheck;
import id.mpp.tracker.audit.ChainProblem;
import id.mpp.tracker.audit.ExportFormat;
import id.mpp.tracker.audit.RecordedEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-checks an audit export (JSON Lines: a header, one line per event, an end line with the count) without the
 * system: every event against its hash and the event before it in its aggregate, stream positions for their order,
 * the end line for lost lines. Reads line by line, so exports of any length are checked in bounded memory.
 */
public final class ExportVerifier {

    /** The export format this verifier reads; the server writes it in every header. */

    /** Strict where a lenient reader could show an auditor something else than what was hashed. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String source;
    private final Header header;
    private final ChainCheck chain;
    private final List<String> problems = new ArrayList<>();
    private long lineNumber = 1;
    private Long lastPosition;
    private long breaks;
    private ChainBreak firstBreak;
    private boolean truncated;
    private long endLine;
    private long linesAfterEnd;
    private long firstLineAfterEnd;

    private ExportVerifier(String source, Header header) {
        this.source = source;
        this.header = header;
        this.chain = header.wholeHistories() ? ChainCheck.ofWholeHistories() : ChainCheck.ofStretch();
    }

    /** Checks the export in a file; a file that is missing or cannot be read gives an unusable report. */
    public static ExportReport verify(Path file) {
        String source = file.toString();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return verify(reader, source);
        } catch (NoSuchFileException e) {
            return ExportReport.unusable(source, "There is no such file");
        } catch (IOException e) {
            return ExportReport.unusable(source, "The file cannot be read: " + e.getMessage());
        }
    }

    /** Checks the export the reader gives (as text: bytes must be decoded as UTF-8), named {@code source} in the report. */
    public static ExportReport verify(Reader export, String source) throws IOException {
        BufferedReader lines = export instanceof BufferedReader buffered ? buffered : new BufferedReader(export);
        String first = lines.readLine();
        if (first == null) {
            return ExportReport.unusable(source, "The file is empty");
        }
        Header header;
        try {
            header = Header.of(first.startsWith("\uFEFF") ? first.substring(1) : first);
        } catch (NotUsable e) {
            return ExportReport.unusable(source, e.getMessage());
        }
        ExportVerifier verifier = new ExportVerifier(source, header);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            verifier.line(line);
        }
        return verifier.report();
    }

    private void line(String text) {
        lineNumber++;
        if (endLine > 0) {
            if (!text.isBlank() && linesAfterEnd++ == 0) {
                firstLineAfterEnd = lineNumber;
            }
            return;
        }
        try {
            JsonNode json = parse(text);
            if (json.has(ExportFormat.END)) {
                end(json.get(ExportFormat.END));
            } else if (json.has(ExportFormat.UNREADABLE)) {
                unreadableEvent(json.get(ExportFormat.UNREADABLE));
            } else {
                event(json);
            }
        } catch (NotAnEvent e) {
            found(Optional.of(chain.unreadable(null, null, null, null, "line " + lineNumber + " " + e.getMessage())));
        }
    }

    private void event(JsonNode json) throws NotAnEvent {
        Long position = position(json);
        RecordedEvent event;
        try {
            event = RecordedEvent.fromJson(json);
        } catch (RuntimeException e) {
            throw new NotAnEvent("is neither an event nor an unreadable event (" + e.getMessage() + ")");
        }
        Optional<ChainBreak> outOfPlace = followsInStream(event.aggregateId(), event.sequenceNumber(), event.eventId(), position);
        Optional<ChainBreak> broken = chain.check(event, position);
        found(broken.isPresent() ? broken : outOfPlace);
    }

    /** An event the server could not read when exporting it: a break where it stands. */
    private void unreadableEvent(JsonNode json) throws NotAnEvent {
        Long position = position(json);
        Long sequenceNumber = json.path("sequenceNumber").canConvertToLong() ? json.path("sequenceNumber").longValue() : null;
        followsInStream(null, null, null, position);
        found(Optional.of(chain.unreadable(json.path("eventId").textValue(), json.path("aggregateId").textValue(),
                sequenceNumber, position, "the server could not read it for the export (line " + lineNumber + ")")));
    }

    /** Positions, where the export gives them, must increase from line to line. */
    private Optional<ChainBreak> followsInStream(String aggregateId, Long sequenceNumber, String eventId, Long position) {
        if (position == null) {
            return Optional.empty();
        }
        Long previous = lastPosition;
        lastPosition = position;
        if (previous == null || position > previous) {
            return Optional.empty();
        }
        return Optional.of(new ChainBreak(ChainProblem.OUT_OF_ORDER.code(), aggregateId, sequenceNumber, eventId,
                position, "Position " + position + " comes after position " + previous + " (line " + lineNumber
                + "): the export's lines were reordered or repeated"));
    }

    private void end(JsonNode end) {
        endLine = lineNumber;
        JsonNode count = end.path("events");
        long seen = chain.eventsChecked();
        if (!count.isIntegralNumber()) {
            truncated("The end line gives no count of events");
        } else if (!count.canConvertToLong() || count.longValue() != seen) {
            truncated("The end line counts " + count + " events but " + seen + " lines precede it: lines were lost or added");
        }
    }

    private void truncated(String why) {
        truncated = true;
        problems.add(why);
    }

    private void found(Optional<ChainBreak> found) {
        found.ifPresent(chainBreak -> {
            breaks++;
            if (firstBreak == null) {
                firstBreak = chainBreak;
            }
        });
    }

    private ExportReport report() {
        if (endLine == 0) {
            truncated("There is no end line: the export stops after line " + lineNumber + ", cut short");
        }
        if (linesAfterEnd > 0) {
            problems.add(linesAfterEnd + " line(s) follow the end line (line " + endLine + "), the first at line "
                    + firstLineAfterEnd);
        }
        return new ExportReport(source, true, ExportFormat.FORMAT, header.scope(), header.wholeHistories(), header.details(),
                chain.eventsChecked(), breaks, firstBreak, truncated, problems);
    }

    private static JsonNode parse(String line) throws NotAnEvent {
        try {
            JsonNode json = JSON.readTree(line);
            if (json == null || json.isMissingNode()) {
                throw new NotAnEvent("is empty");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new NotAnEvent("is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Long position(JsonNode json) throws NotAnEvent {
        JsonNode position = json.get(ExportFormat.POSITION);
        if (position == null || position.isNull()) {
            return null;
        }
        if (!position.isIntegralNumber() || !position.canConvertToLong()) {
            throw new NotAnEvent("gives " + position + " as its position, which is not a stream position");
        }
        return position.longValue();
    }

    private record Header(String scope, boolean wholeHistories, Map<String, String> details) {

        static Header of(String line) throws NotUsable {
            JsonNode header;
            try {
                header = JSON.readTree(line).path(ExportFormat.HEADER);
            } catch (JsonProcessingException e) {
                throw new NotUsable("The first line is not JSON, so not an export header: " + e.getOriginalMessage());
            }
            if (!header.isObject()) {
                throw new NotUsable("The first line is not an export header: this is not an mpp-tracker audit export");
            }
            String format = header.path("format").textValue();
            if (!ExportFormat.FORMAT.equals(format)) {
                throw new NotUsable("The header names format " + format + "; this verifier reads " + ExportFormat.FORMAT);
            }
            if (!header.path("wholeHistories").isBoolean()) {
                throw new NotUsable("The header does not say whether the export holds whole histories");
            }
            Map<String, String> details = new LinkedHashMap<>();
            header.properties().forEach(field -> {
                if (!List.of("format", "scope", "wholeHistories").contains(field.getKey())) {
                    details.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                            : field.getValue().toString());
                }
            });
            return new Header(header.path("scope").textValue(), header.path("wholeHistories").booleanValue(),
                    Collections.unmodifiableMap(details));
        }
    }

    /** The line at hand is neither an event nor an unreadable event: a break where it stands. */
    private static final class NotAnEvent extends Exception {
        NotAnEvent(String message) {
            super(message, null, false, false);
        }
    }

    private static final class NotUsable extends Exception {
        NotUsable(String message) {
            super(message, null, false, false);
        }
    }
}
