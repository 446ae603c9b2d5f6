package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.sla.ServiceClock;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** What a simulated application needs to record its steps: the system's own rules and the seed's writers. */
final class History {

    private final ServiceClock serviceClock;
    private final PersonalDataVault vault;
    private final TrackingClaims trackingNumbers;
    private final Acts acts;
    private final EventWriter writer;
    private final RandomGenerator random;
    private final long watchIntervalMillis;

    History(ServiceClock serviceClock, PersonalDataVault vault, TrackingClaims trackingNumbers, Acts acts,
            EventWriter writer, RandomGenerator random, long watchIntervalMillis) {
        this.serviceClock = serviceClock;
        this.vault = vault;
        this.trackingNumbers = trackingNumbers;
        this.acts = acts;
        this.writer = writer;
        this.random = random;
        this.watchIntervalMillis = Math.max(1, watchIntervalMillis);
    }

    ServiceClock serviceClock() {
        return serviceClock;
    }

    PersonalDataVault vault() {
        return vault;
    }

    TrackingClaims trackingNumbers() {
        return trackingNumbers;
    }

    Acts acts() {
        return acts;
    }

    /** How long after a due date passes the watch's next round comes: somewhere within one interval. */
    long watchDelay() {
        return (long) (random.nextDouble() * watchIntervalMillis);
    }

    void write(Chain chain, Object payload, MetaData metaData, Instant at) {
        writer.write(chain, payload, metaData, at);
    }
}
