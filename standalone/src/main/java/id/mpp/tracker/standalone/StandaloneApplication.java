package id.mpp.tracker.standalone;

import id.mpp.tracker.command.CommandSideApplication;
import id.mpp.tracker.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Both sides in one process, on embedded storage kept under one data directory. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"id.mpp.tracker.platform", "id.mpp.tracker.command", "id.mpp.tracker.query",
        "id.mpp.tracker.standalone"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
