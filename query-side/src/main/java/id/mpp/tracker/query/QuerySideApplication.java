package id.mpp.tracker.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own: projects events into MongoDB and answers queries over REST. */
@SpringBootApplication(scanBasePackages = {"id.mpp.tracker.query", "id.mpp.tracker.platform"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
