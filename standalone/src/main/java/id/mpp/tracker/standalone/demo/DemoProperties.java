package id.mpp.tracker.standalone.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo traffic simulator ({@code mpp.demo.*}, with the {@code demo} profile's keys).
 *
 * @param simulate                  generate traffic at all
 * @param historyDays               days of history to load first, at full speed, before going live
 * @param dailyApplications         applications a day nationally, in the history and live
 * @param seed                      of the random choices, for a repeatable history (0: a new one each start)
 */
@ConfigurationProperties("mpp.demo")
public record DemoProperties(boolean simulate, int historyDays, int dailyApplications, long seed) {

    public DemoProperties {
        if (historyDays < 0 || historyDays > 366) {
            throw new IllegalArgumentException("mpp.demo.history-days must be from 0 to 366");
        }
        if (dailyApplications <= 0) {
            dailyApplications = 2000;
        }
    }
}
