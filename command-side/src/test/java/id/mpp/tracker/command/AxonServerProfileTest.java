package id.mpp.tracker.command;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side as the production topology runs it (profile {@code axonserver}: no relational database),
 * here with Axon Server unreachable: it starts, reports itself down, and answers commands with a
 * retryable 503 rather than an internal error.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.profiles.active=axonserver", "axon.axonserver.servers=127.0.0.1:1",
                "mpp.commands.timeout=5s"})
class AxonServerProfileTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        String uri = System.getenv("MONGODB_URI");
        registry.add("spring.data.mongodb.uri", () -> uri != null && !uri.isBlank() ? uri : MONGO.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Test
    void runsWithoutARelationalDatabase() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }

    @Test
    void reportsAxonServerDown() {
        var health = http.getForEntity("/actuator/health", Map.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody()).extracting("components").extracting("axonServer").extracting("status").isEqualTo("DOWN");
    }

    @Test
    void answersCommandsWithARetryableProblemWhileAxonServerIsUnreachable() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER",
                 "applicant":{"nik":"3578014101900001","name":"Siti Rahayu"}}""";

        var reply = http.postForEntity("/api/v1/applications", new HttpEntity<>(body, headers), Map.class);

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(reply.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(reply.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(reply.getBody()).containsEntry("type", "urn:problem-type:mpp-tracker:service-unavailable");
    }
}
