package id.mpp.tracker.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The process's clock for the shared test context, which a test may move ahead to cross a due date. Kept outside
 * the packages the application scans, so that a standalone process started from the test class path runs on real time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
