package id.mpp.tracker.standalone;

import id.mpp.tracker.command.CommandSideApplication;
import id.mpp.tracker.query.QuerySideApplication;
import id.mpp.tracker.standalone.seed.SeedMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both sides in one process, on embedded storage kept under one data directory. Started with
 * {@code --mpp.seed.applications=N} it fills an empty store with a history instead, and exits (see {@link SeedMode}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"id.mpp.tracker.platform", "id.mpp.tracker.command", "id.mpp.tracker.query",
        "id.mpp.tracker.standalone"},
        excludeFilters = {
                // as @SpringBootApplication does: auto-configurations are applied as such, in their order, not scanned
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                        classes = {CommandSideApplication.class, QuerySideApplication.class}),
                // the seeder runs in a context of its own, never beside the running application
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "id\\.mpp\\.tracker\\.standalone\\.seed\\..*")})
public class StandaloneApplication {

    public static void main(String[] args) {
        if (SeedMode.requested(args)) {
            System.exit(SeedMode.run(args));
        }
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
