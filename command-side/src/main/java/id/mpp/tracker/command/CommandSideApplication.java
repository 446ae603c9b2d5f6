package id.mpp.tracker.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side on its own: takes commands over REST and stores their events. */
@SpringBootApplication(scanBasePackages = {"id.mpp.tracker.command", "id.mpp.tracker.platform"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
