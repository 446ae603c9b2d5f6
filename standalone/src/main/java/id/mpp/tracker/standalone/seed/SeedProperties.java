package id.mpp.tracker.standalone.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What to seed ({@code mpp.seed.*}).
 *
 * @param applications how many applications the history holds
 * @param days         working days it spans, ending yesterday; applications arrive on working days only
 * @param randomSeed   of every random choice of the history, for a repeatable one (0: a new one, logged)
 * @param batchSize    events per append to the event store, each in one transaction
 */
@ConfigurationProperties("mpp.seed")
public record SeedProperties(int applications, @DefaultValue("30") int days, long randomSeed,
                             @DefaultValue("4000") int batchSize) {

    public SeedProperties {
        if (applications < 1) {
            throw new IllegalArgumentException("mpp.seed.applications must be 1 or more");
        }
        if (days < 1 || days > 250) {
            throw new IllegalArgumentException("mpp.seed.days must be from 1 to 250 working days");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("mpp.seed.batch-size must be 1 or more");
        }
    }
}
