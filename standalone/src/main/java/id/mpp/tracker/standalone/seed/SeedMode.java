package id.mpp.tracker.standalone.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

/**
 * {@code --mpp.seed.applications=N}: fill an empty store with a simulated history of N applications, then exit.
 * The seeder runs in a context of its own ({@link SeedApplication}): the storage of the normal start, the same
 * serializer, catalogue, calendars and personal-data vault, but no web server, command handling or event processors,
 * so nothing else competes for the two cores; the projections catch up at the next normal start.
 */
public final class SeedMode {

    /** Exit status when the store already holds events: nothing was written. */
    public static final int REFUSED = 2;
    public static final int FAILED = 1;

    private static final Logger log = LoggerFactory.getLogger(SeedMode.class);
    static final String APPLICATIONS = "mpp.seed.applications";

    private SeedMode() {
    }

    /** Whether the arguments (or the environment, e.g. MPP_SEED_APPLICATIONS) ask for a seed. */
    public static boolean requested(String[] args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment.containsProperty(APPLICATIONS);
    }

    /** Runs the seed and answers the process's exit status: 0 when seeded, {@link #REFUSED} on a non-empty store. */
    public static int run(String[] args) {
        try {
            seed(args);
            return 0;
        } catch (StoreNotEmptyException refused) {
            log.error("{}", refused.getMessage());
            return REFUSED;
        } catch (RuntimeException failed) {
            StoreNotEmptyException refused = causeOf(failed);
            if (refused != null) {
                log.error("{}", refused.getMessage());
                return REFUSED;
            }
            log.error("Seeding failed", failed);
            return FAILED;
        }
    }

    /** Starts the seeder's context, seeds, and stops it again. */
    static SeedReport seed(String[] args) {
        try (var context = new SpringApplicationBuilder(SeedApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        // rewritten into multi-row INSERTs: several times fewer round trips and statements per event
                        "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true"))
                .run(args)) {
            return context.getBean(HistorySeeder.class).seed();
        }
    }

    private static StoreNotEmptyException causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreNotEmptyException refused) {
                return refused;
            }
        }
        return null;
    }
}
