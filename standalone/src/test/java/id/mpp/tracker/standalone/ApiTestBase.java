package id.mpp.tracker.standalone;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Base of the tests that run against the shared test context over HTTP. Its storage: a fresh data directory
 * per test run, and a real MongoDB when {@code MONGODB_URI} names one (in a database of its own), else the
 * embedded server.
 */
public abstract class ApiTestBase {

    @Autowired
    protected TestRestTemplate http;

    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(http);
    }

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("mpp.storage.data-dir", DATA_DIR::toString);
        String mongodbUri = System.getenv("MONGODB_URI");
        if (mongodbUri != null && !mongodbUri.isBlank()) {
            registry.add("spring.data.mongodb.uri", () -> mongodbUri);
            registry.add("spring.data.mongodb.database", () -> "mpp-test-" + UUID.randomUUID());
        }
    }

    private static Path createDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
