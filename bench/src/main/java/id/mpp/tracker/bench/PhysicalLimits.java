package id.mpp.tracker.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the stores themselves manage at the same client count, in the same run: the ceiling every figure is held
 * against. Durable single-row INSERT commits into the event store's PostgreSQL (a database of its own beside the
 * event store, on the same server and disk), and {@code _id} upserts into the read models' MongoDB.
 */
final class PhysicalLimits {

    /** About the size of a stored event with its metadata. */
    private static final String PAYLOAD = "x".repeat(600);
    private static final String DATABASE = "bench_limit";

    record Limit(String name, double perSecond, Latencies latencies, long errors) {

        Map<String, Object> figures() {
            var figures = new LinkedHashMap<String, Object>();
            figures.put("perSecond", Report.round(perSecond));
            figures.putAll(latencies.summary());
            figures.put("errors", errors);
            return figures;
        }
    }

    private PhysicalLimits() {
    }

    static Limit postgres(String jdbcUrl, int clients, Duration warmup, Duration duration) throws Exception {
        try (Connection admin = DriverManager.getConnection(jdbcUrl)) {
            admin.setAutoCommit(true);
            try (var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                if (!exists.executeQuery().next()) {
                    admin.createStatement().execute("create database " + DATABASE);
                }
            }
        }
        String url = jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
        try (Connection setup = DriverManager.getConnection(url)) {
            setup.createStatement().execute("drop table if exists inserts");
            setup.createStatement().execute("create table inserts (id bigserial primary key, payload text not null)");
            // fsync and synchronous commit as the server has them: the limit of durable commits, not of memory
            var settings = setup.createStatement().executeQuery("show synchronous_commit");
            settings.next();
            Progress.show("limits: PostgreSQL single-row INSERT commits, " + clients + " clients (synchronous_commit="
                    + settings.getString(1) + ")");
        }
        var result = run("postgres-insert", clients, warmup, duration, () -> {
            Connection connection = DriverManager.getConnection(url);
            connection.setAutoCommit(true);
            PreparedStatement insert = connection.prepareStatement("insert into inserts (payload) values (?)");
            insert.setString(1, PAYLOAD);
            return new Step() {
                @Override
                public void run() throws SQLException {
                    insert.executeUpdate();
                }

                @Override
                public void close() throws SQLException {
                    connection.close();
                }
            };
        });
        try (Connection cleanup = DriverManager.getConnection(url)) {
            cleanup.createStatement().execute("drop table inserts");
        }
        return result;
    }

    static Limit mongo(String mongoUri, int clients, Duration warmup, Duration duration) throws Exception {
        Progress.show("limits: MongoDB _id upserts, " + clients + " clients");
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> upserts = client.getDatabase(DATABASE).getCollection("upserts");
            upserts.drop();
            var options = new ReplaceOptions().upsert(true);
            var result = run("mongo-upsert", clients, warmup, duration, () -> () -> {
                int id = ThreadLocalRandom.current().nextInt(100_000);
                upserts.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("payload", PAYLOAD), options);
            });
            client.getDatabase(DATABASE).drop();
            return result;
        }
    }

    interface Step extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface StepFactory {
        Step open() throws Exception;
    }

    private static Limit run(String name, int clients, Duration warmup, Duration duration, StepFactory steps) throws Exception {
        var latencies = new Latencies();
        var done = new AtomicLong();
        var errors = new AtomicLong();
        var window = Window.starting(warmup, duration);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Step step = steps.open();
            threads.add(start(name + "-" + i, () -> {
                try (step) {
                    while (!window.over()) {
                        long started = System.nanoTime();
                        try {
                            step.run();
                        } catch (Exception e) {
                            if (window.counts(started)) {
                                errors.incrementAndGet();
                            }
                            continue;
                        }
                        if (window.counts(started)) {
                            latencies.record(System.nanoTime() - started);
                            done.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Limit(name, done.get() / window.measuredSeconds(), latencies, errors.get());
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }
}
