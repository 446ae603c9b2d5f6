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
                "mpp.commands.timeout=5s", "mpp.privacy.master-key=6EptMNd1akvapDHfU4GVlIspdIcWucu3E1YGH2gFNX8=",
                "mpp.security.api-keys[0].principal=petugas-surabaya",
                "mpp.security.api-keys[0].sha256=7df82720bc5d14de3ecb11d7c696368690238f649c4ec60f1c507264b8659e1a",
                "mpp.security.api-keys[0].role=MPP_OFFICER",
                "mpp.security.api-keys[0].mpp-code=KOTA-SURABAYA"})
class AxonServerProfileTest {

    /** The key whose SHA-256 is configured above, for an officer of MPP Kota Surabaya. */
    private static final String OFFICER_KEY = "test-key-officer-surabaya";
    private static final String SUBMISSION = """
            {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER",
             "applicant":{"nik":"3578014101900001","name":"Siti Rahayu"}}""";

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
        headers.set("X-Api-Key", OFFICER_KEY);

        var reply = http.postForEntity("/api/v1/applications", new HttpEntity<>(SUBMISSION, headers), Map.class);

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(reply.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(reply.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(reply.getBody()).containsEntry("type", "urn:problem-type:mpp-tracker:service-unavailable");
    }

    @Test
    void refusesCommandsWithoutCredentials() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        var reply = http.postForEntity("/api/v1/applications", new HttpEntity<>(SUBMISSION, headers), Map.class);

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(reply.getBody()).containsEntry("type", "urn:problem-type:mpp-tracker:unauthenticated");
    }
}
