package id.mpp.tracker.standalone;

import id.mpp.tracker.testing.TestClockConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on one random port, with the test callers' API keys (profile {@code test}),, on throw-away embedded storage (or on the MongoDB named by
 * {@code MONGODB_URI}). Every test class uses exactly this, so they all share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "mpp.storage.durable=false",
                "mpp.storage.read-models=memory",
                "mpp.queries.read-your-write-timeout=2s"
        })
@AutoConfigureObservability
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public @interface StandaloneTest {
}
