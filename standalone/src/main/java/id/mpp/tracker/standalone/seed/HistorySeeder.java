package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.platform.audit.GlobalStream;
import id.mpp.tracker.platform.audit.RecordedEvents;
import id.mpp.tracker.platform.privacy.KeyDurability;
import id.mpp.tracker.platform.privacy.MasterKey;
import id.mpp.tracker.platform.privacy.MongoPersonalDataVault;
import id.mpp.tracker.platform.privacy.PersonalDataKeyStore;
import id.mpp.tracker.sla.ServiceClock;
import id.mpp.tracker.sla.WorkingDays;
import id.mpp.tracker.standalone.demo.TrafficModel;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeds an empty store: refuses any other, lays out the period and the arrivals, wires the platform's own rules
 * (catalogue, service clock, vault, event serializer, the chain's recorded form) to the seed's writers, runs the
 * timeline through the period and reports what was written.
 */
class HistorySeeder {

    private static final Logger log = LoggerFactory.getLogger(HistorySeeder.class);
    /** The vault's collection of keys ({@code MongoPersonalDataVault.COLLECTION}). */
    private static final String KEYS = "data_subject_keys";
    /**
     * How often keys are made durable when their store needs to be told (the embedded one): each commit rewrites every
     * page changed since the last, so a commit per batch would rewrite the same pages many times a second.
     */
    private static final Duration DURABLE_EVERY = Duration.ofSeconds(1);

    private final SeedProperties seed;
    private final Catalogue catalogue;
    private final ServiceClock serviceClock;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final MasterKey masterKey;
    private final MongoTemplate mongo;
    private final PersonalDataKeyStore keyStore;
    private final EventStorageEngine storage;
    private final GlobalStream stream;
    private final RecordedEvents recordedEvents;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;
    private final Duration anchorInterval;
    private final Duration anchorSettle;
    private final int anchorMaxEvents;
    private final Duration watchInterval;

    HistorySeeder(SeedProperties seed, Catalogue catalogue, ServiceClock serviceClock, WorkingDays workingDays, Clock clock,
                  MasterKey masterKey, MongoTemplate mongo, ObjectProvider<PersonalDataKeyStore> keyStore,
                  EventStorageEngine storage, GlobalStream stream, RecordedEvents recordedEvents,
                  @Qualifier("eventSerializer") Serializer eventSerializer, DataSource dataSource,
                  @Value("${mpp.audit.anchor-interval:PT1H}") Duration anchorInterval,
                  @Value("${mpp.audit.anchor-settle:PT2M}") Duration anchorSettle,
                  @Value("${mpp.audit.anchor-max-events:100000}") int anchorMaxEvents,
                  @Value("${mpp.sla.watch-interval:PT30S}") Duration watchInterval) {
        this.seed = seed;
        this.catalogue = catalogue;
        this.serviceClock = serviceClock;
        this.workingDays = workingDays;
        this.clock = clock;
        this.masterKey = masterKey;
        this.mongo = mongo;
        // where the vault keeps keys, as the platform's privacy configuration chooses it
        this.keyStore = keyStore.getIfAvailable(() -> new PersonalDataKeyStore(mongo, KeyDurability.JOURNALED));
        this.storage = storage;
        this.stream = stream;
        this.recordedEvents = recordedEvents;
        this.eventSerializer = eventSerializer;
        this.jdbc = new JdbcTemplate(dataSource);
        this.anchorInterval = anchorInterval;
        this.anchorSettle = anchorSettle;
        this.anchorMaxEvents = anchorMaxEvents;
        this.watchInterval = watchInterval;
    }

    SeedReport seed() {
        refuseUnlessEmpty();
        long randomSeed = seed.randomSeed() != 0 ? seed.randomSeed() : new SecureRandom().nextLong();
        RandomGenerator random = new SplittableRandom(randomSeed);
        List<Mpp> mpps = catalogue.mpps();
        SeedPeriod period = SeedPeriod.endingYesterday(seed.days(), workingDays, mpps, clock);
        log.info("Seeding {} applications over {} working days, {} to {} (random seed {}; repeat with --mpp.seed.random-seed={})",
                seed.applications(), seed.days(), period.firstDay(), period.lastDay(), randomSeed, randomSeed);

        var model = new TrafficModel(catalogue, random, Math.max(1, seed.applications() / seed.days()));
        var arrivals = new ArrivalSchedule(model, mpps, period, Timeline.TICK, seed.applications(), random);
        var ids = new SeedIds(random);
        var keys = new BulkKeyStore[1];
        var progress = new SeedProgress();
        try (var batches = new EventBatches(storage, mongo, keyStore, stream, firstPosition(), seed.batchSize(),
                DURABLE_EVERY, written -> keys[0].stored(written))) {
            keys[0] = new BulkKeyStore(keyStore.mongo(), batches);
            // the platform's vault itself seals, over a key store that writes in bulk; durability comes with each batch
            var vault = new MongoPersonalDataVault(keys[0], masterKey, KeyDurability.JOURNALED);
            var acts = new Acts(catalogue, ids);
            var writer = new EventWriter(recordedEvents, eventSerializer, ids, batches);
            var anchoring = new Anchoring(period.start(), anchorInterval, anchorSettle, anchorMaxEvents, writer, acts);
            writer.anchoredBy(anchoring);
            var history = new History(serviceClock, vault, new TrackingClaims(random, batches), acts, writer, random,
                    watchInterval.toMillis());
            var timeline = new Timeline(model, arrivals, ids, acts, history, anchoring);

            long end = period.end().toEpochMilli();
            for (long tick = period.start().toEpochMilli(); tick < end; tick += Timeline.TICK.toMillis()) {
                timeline.run(tick, end);
                progress.maybeReport(timeline.submitted(), batches.eventsStored(), timeline.inProgress(), tick);
            }
            batches.finish();
            double seconds = (System.nanoTime() - progress.started()) / 1e9;
            log.info("{} applications still in progress at the end of the period; {} anchors; peak live heap {} MB, "
                            + "peak resident {} MB", timeline.inProgress(), anchoring.anchors(), progress.peakLiveHeapMb(),
                    SeedProgress.peakResidentMb());
            var report = new SeedReport(timeline.submitted(), writer.events(), anchoring.anchors(), seconds);
            log.info(report.summary());
            return report;
        }
    }

    private void refuseUnlessEmpty() {
        long head = stream.headPosition();
        if (head >= 0) {
            throw new StoreNotEmptyException("The event store is not empty (its stream reaches position " + head
                    + "): a history is only seeded into an empty store. Seed into a fresh --mpp.storage.data-dir.");
        }
        for (var collection : Map.of(TrackingClaims.COLLECTION, mongo, KEYS, keyStore.mongo()).entrySet()) {
            if (holds(collection.getValue(), collection.getKey())) {
                throw new StoreNotEmptyException("The event store is empty but " + collection.getKey() + " is not (left by an "
                        + "earlier, failed seed?): a history is only seeded into an empty store. Seed into a fresh "
                        + "--mpp.storage.data-dir.");
            }
        }
    }

    private static boolean holds(MongoTemplate mongo, String collection) {
        return mongo.collectionExists(collection) && mongo.getCollection(collection).estimatedDocumentCount() > 0;
    }

    /** The position the event store gives the next event: the next value of its global index's sequence. */
    private long firstPosition() {
        String sequence = jdbc.queryForObject("select pg_get_serial_sequence('domainevententry', 'globalindex')", String.class);
        Map<String, Object> state = jdbc.queryForMap("select last_value, is_called from " + sequence);
        long last = ((Number) state.get("last_value")).longValue();
        return Boolean.TRUE.equals(state.get("is_called")) ? last + 1 : last;
    }
}
