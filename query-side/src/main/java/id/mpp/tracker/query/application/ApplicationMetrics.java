package id.mpp.tracker.query.application;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Business counters. Labels are catalogue codes only (a bounded set), never personal data; counted live,
 * not during replays, so a rebuild does not inflate them.
 */
@Component
class ApplicationMetrics {

    private final MeterRegistry registry;

    ApplicationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void submitted(String mpp, String agency, String service, Channel channel) {
        Counter.builder("mpp.applications.submitted")
                .description("Applications submitted")
                .tags("mpp", mpp, "agency", agency, "service", service, "channel", channel.name())
                .register(registry).increment();
    }

    void decided(String mpp, String agency, String service, ApplicationStatus outcome) {
        Counter.builder("mpp.applications.decided")
                .description("Applications decided (completed, rejected, or deemed approved by law)")
                .tags("mpp", mpp, "agency", agency, "service", service, "outcome", outcome.name())
                .register(registry).increment();
    }

    void breached(String mpp, String agency, String service) {
        Counter.builder("mpp.applications.breached")
                .description("Applications whose due date passed without a decision")
                .tags("mpp", mpp, "agency", agency, "service", service)
                .register(registry).increment();
    }

    void eventApplied(String projection) {
        projectionEvents(projection, "applied");
    }

    void duplicateEvent(String projection) {
        projectionEvents(projection, "duplicate");
    }

    private void projectionEvents(String projection, String outcome) {
        Counter.builder("mpp.projection.events")
                .description("Events handled by a projection: applied, or skipped as already applied")
                .tags("projection", projection, "outcome", outcome)
                .register(registry).increment();
    }
}
