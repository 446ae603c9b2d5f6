package id.mpp.tracker.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.mpp.tracker.application.ApplicationCompleted;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationRejected;
import id.mpp.tracker.application.ApplicationVerified;
import id.mpp.tracker.application.DocumentsProvided;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.sla.DueDate;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before service clocks existed still load, as applications without a clock. */
class ServiceClockUpcasterTest {

    private static final ApplicationId ID = ApplicationId.of("3c2b7a18-5f44-4e0b-9a61-0d8e7c1f2a90");
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @Test
    void aVerificationOfRevisionOneStartedNoClock() {
        assertThat(read(ApplicationVerified.class, "1", "{\"applicationId\":\"" + ID.value() + "\"}"))
                .isEqualTo(new ApplicationVerified(ID, null, false, null));
    }

    @Test
    void documentsAndDecisionsOfRevisionOneCarryNoDueDateOrTimeliness() {
        assertThat(read(DocumentsProvided.class, "1", "{\"applicationId\":\"" + ID.value() + "\",\"documents\":[\"KK\"]}"))
                .isEqualTo(new DocumentsProvided(ID, List.of("KK"), null));
        assertThat(read(ApplicationCompleted.class, "1",
                "{\"applicationId\":\"" + ID.value() + "\",\"agencyCode\":\"DUKCAPIL\",\"outputReference\":\"KTP-1\"}"))
                .isEqualTo(new ApplicationCompleted(ID, AgencyCode.of("DUKCAPIL"), "KTP-1", null));
        assertThat(read(ApplicationRejected.class, "1",
                "{\"applicationId\":\"" + ID.value() + "\",\"agencyCode\":\"DUKCAPIL\",\"reason\":\"Data tidak sesuai\"}"))
                .isEqualTo(new ApplicationRejected(ID, AgencyCode.of("DUKCAPIL"), "Data tidak sesuai", null));
    }

    @Test
    void revisionTwoPassesUnchanged() {
        var verified = new ApplicationVerified(ID, new ServiceStandard(4, ServiceStandard.DayUnit.WORKING_DAYS), true,
                new DueDate(LocalDate.parse("2026-03-06"), ZoneId.of("Asia/Makassar"), true));
        String json = SERIALIZER.serialize(verified, String.class).getData();

        assertThat(read(ApplicationVerified.class, "2", json)).isEqualTo(verified);
    }

    private static <T> T read(Class<T> type, String revision, String json) {
        var entry = new GenericDomainEventEntry<>("ServiceApplication", ID.value(), 0, "event-1", "2026-03-02T02:00:00Z",
                type.getName(), revision, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        var upcasted = new ServiceClockUpcaster().upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcasted).hasSize(1);
        assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("2");
        return SERIALIZER.deserialize(upcasted.get(0).getData());
    }
}
