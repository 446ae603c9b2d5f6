package id.mpp.tracker.standalone.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where and how standalone keeps its data.
 *
 * @param dataDir   the one directory holding the event store and the read models
 * @param durable   whether PostgreSQL flushes each commit to disk (off only for throw-away runs)
 * @param readModels {@code h2} keeps read models on disk, {@code memory} rebuilds them from the events at each start
 */
@ConfigurationProperties("mpp.storage")
public record StorageProperties(Path dataDir, boolean durable, ReadModels readModels) {

    public enum ReadModels {
        H2, MEMORY
    }
}
