package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.platform.audit.GlobalStream;
import id.mpp.tracker.platform.privacy.KeyDurability;
import id.mpp.tracker.platform.privacy.PersonalDataKeyStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes the seed in batches through three stages, each a thread of its own, while the next batches are generated:
 * first the personal-data keys and tracking-number claims a batch's events refer to, one bulk insert per collection
 * (side by side); the keys inserted so far made durable every second or so, while the next batches are inserted;
 * then, once its keys are durable, the batch's events in one call of the storage engine, one transaction. So no stored event ever refers to a key that could still be lost
 * (claims are as durable as the command path's own, which keeps them beside the read models), and neither store
 * waits for the other. Queues between the stages are short, so a slower stage
 * holds generation back rather than letting batches pile up in memory. After each batch the head of the stream must
 * be where the positions given out say, or the anchors' positions would be wrong: the seed stops.
 */
final class EventBatches implements AutoCloseable {

    private static final Batch END = new Batch(0);

    private final EventStorageEngine storage;
    private final MongoTemplate readModels;
    private final PersonalDataKeyStore keys;
    private final GlobalStream stream;
    private final int batchSize;
    private final long durableEveryNanos;
    /** A store whose writes are durable once acknowledged: nothing to wait for. */
    private final boolean journaled;
    private final Consumer<List<Document>> keysInserted;
    private final BlockingQueue<Batch> toDocuments = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Batch> toDurable = new ArrayBlockingQueue<>(32);
    private final BlockingQueue<Batch> toEvents = new ArrayBlockingQueue<>(32);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ExecutorService collections = Executors.newFixedThreadPool(2, daemon("seed-documents-bulk"));
    private final Thread documentWriter;
    private final Thread durabilityWriter;
    private final Thread eventWriter;
    private Batch current;
    private long nextPosition;
    private volatile long eventsStored;

    /**
     * @param readModels   where tracking numbers are claimed
     * @param keys         where the keys of personal data are kept, and how they are made durable
     * @param durableEvery how often the keys written so far are made durable, releasing their batches' events
     * @param keysInserted told of each batch's keys once they are in their store
     */
    EventBatches(EventStorageEngine storage, MongoTemplate readModels, PersonalDataKeyStore keys, GlobalStream stream,
                 long firstPosition, int batchSize, Duration durableEvery, Consumer<List<Document>> keysInserted) {
        this.storage = storage;
        this.readModels = readModels;
        this.keys = keys;
        this.stream = stream;
        this.batchSize = batchSize;
        this.durableEveryNanos = durableEvery.toNanos();
        this.journaled = keys.durability() == KeyDurability.JOURNALED;
        this.keysInserted = keysInserted;
        this.nextPosition = firstPosition;
        this.current = new Batch(batchSize);
        this.documentWriter = daemon("seed-documents").newThread(this::writeDocuments);
        this.durabilityWriter = daemon("seed-keys-durable").newThread(this::makeKeysDurable);
        this.eventWriter = daemon("seed-events").newThread(this::writeEvents);
        documentWriter.start();
        durabilityWriter.start();
        eventWriter.start();
    }

    /** Takes the event into the batch and answers the position in the global stream it will have. */
    long append(EventMessage<?> event) {
        current.events.add(event);
        long position = nextPosition++;
        if (current.events.size() >= batchSize) {
            handOver();
        }
        return position;
    }

    /** A key of personal data the current batch writes before its events, into the key store's collection. */
    void key(String collection, Document key) {
        current.keyCollection = collection;
        current.keys.add(key);
    }

    /** A tracking-number claim the current batch writes before its events. */
    void claim(String collection, Document claim) {
        current.claimCollection = collection;
        current.claims.add(claim);
    }

    long eventsStored() {
        return eventsStored;
    }

    /** Writes what is left and waits until everything is stored. */
    void finish() {
        handOver();
        put(toDocuments, END);
        try {
            documentWriter.join();
            durabilityWriter.join();
            eventWriter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
        checkWriters();
    }

    @Override
    public void close() {
        documentWriter.interrupt();
        durabilityWriter.interrupt();
        eventWriter.interrupt();
        collections.shutdownNow();
    }

    private void handOver() {
        if (current.events.isEmpty() && current.keys.isEmpty() && current.claims.isEmpty()) {
            return;
        }
        current.lastPosition = nextPosition - 1;
        put(toDocuments, current);
        current = new Batch(batchSize);
    }

    private void writeDocuments() {
        try {
            for (Batch batch = toDocuments.take(); batch != END; batch = toDocuments.take()) {
                insert(batch);
                keysInserted.accept(batch.keys);
                put(toDurable, batch);
            }
            put(toDurable, END);
        } catch (Throwable failed) {
            fail(failed);
        }
    }

    /**
     * Makes the keys inserted so far durable, at most about once per interval, while the next batches are inserted,
     * and then lets their batches' events go.
     */
    private void makeKeysDurable() {
        try {
            long lastDurable = System.nanoTime();
            while (true) {
                var inserted = new ArrayList<Batch>();
                inserted.add(toDurable.take());
                if (!journaled && inserted.get(0) != END) {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, durableEveryNanos - (System.nanoTime() - lastDurable)));
                }
                toDurable.drainTo(inserted);
                boolean end = inserted.remove(END);
                if (!inserted.isEmpty()) {
                    lastDurable = System.nanoTime();
                    keys.durability().ensureDurable();
                    for (Batch durable : inserted) {
                        put(toEvents, durable);
                    }
                }
                if (end) {
                    put(toEvents, END);
                    return;
                }
            }
        } catch (Throwable failed) {
            fail(failed);
        }
    }

    private void insert(Batch batch) {
        var writes = new ArrayList<CompletableFuture<Void>>();
        if (!batch.keys.isEmpty()) {
            writes.add(CompletableFuture.runAsync(
                    () -> keys.mongo().getCollection(batch.keyCollection).insertMany(batch.keys), collections));
        }
        if (!batch.claims.isEmpty()) {
            writes.add(CompletableFuture.runAsync(
                    () -> readModels.getCollection(batch.claimCollection).insertMany(batch.claims), collections));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }

    private void writeEvents() {
        try {
            for (Batch batch = toEvents.take(); batch != END; batch = toEvents.take()) {
                if (batch.events.isEmpty()) {
                    continue;
                }
                storage.appendEvents(batch.events);
                long head = stream.headPosition();
                if (head != batch.lastPosition) {
                    throw new IllegalStateException("The event store's head is at position " + head + " after a batch "
                            + "that should end at " + batch.lastPosition + ": another writer, or a sequence that skipped");
                }
                eventsStored += batch.events.size();
            }
        } catch (Throwable failed) {
            fail(failed);
        }
    }

    /** Records the first failure and stops every stage, so that none waits for a batch that will never come. */
    private void fail(Throwable failed) {
        failure.compareAndSet(null, failed);
        close();
    }

    /** Waits for room in the queue, giving up as soon as a writer has failed. */
    private void put(BlockingQueue<Batch> queue, Batch batch) {
        try {
            while (!queue.offer(batch, 200, TimeUnit.MILLISECONDS)) {
                checkWriters();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding", e);
        }
    }

    private void checkWriters() {
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Writing the seed failed: " + failed.getMessage(), failed);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Batch {

        final List<EventMessage<?>> events;
        final List<Document> keys = new ArrayList<>();
        final List<Document> claims = new ArrayList<>();
        String keyCollection;
        String claimCollection;
        long lastPosition;

        Batch(int size) {
            this.events = new ArrayList<>(size);
        }
    }
}
