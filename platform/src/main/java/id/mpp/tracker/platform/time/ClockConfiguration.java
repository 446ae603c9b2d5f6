package id.mpp.tracker.platform.time;

import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * One clock for the whole process: it stamps events (Axon reads {@link GenericEventMessage#clock}) and tells due
 * dates from overdue ones, so both always agree. {@code mpp.clock.offset} runs the process ahead of real time, for
 * demonstrations and tests that must cross a due date; it is never set in production.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${mpp.clock.offset:PT0S}") Duration offset) {
        if (!offset.isZero()) {
            log.warn("The clock runs {} ahead of real time (mpp.clock.offset): events are stamped in the future", offset);
        }
        return Clock.offset(Clock.systemUTC(), offset);
    }

    @Bean
    SmartInitializingSingleton stampEventsWithTheClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
