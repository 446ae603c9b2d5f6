package id.mpp.tracker.standalone.demo;

import id.mpp.tracker.catalogue.Catalogue;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.web.client.RestClient;

import java.util.Random;

/**
 * {@code --mpp.demo.simulate=true} (with the {@code demo} profile): generated traffic so that a new user sees a
 * living dashboard at once. Never for production: it writes applications of made-up citizens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mpp.demo.simulate", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    private Thread thread;
    private TrafficSimulator simulator;

    @Bean
    @Primary
    SimulationClock simulationClock() {
        return new SimulationClock();
    }

    @EventListener
    void start(ApplicationReadyEvent ready) {
        var context = (WebServerApplicationContext) ready.getApplicationContext();
        DemoProperties demo = context.getBean(DemoProperties.class);
        Catalogue catalogue = context.getBean(Catalogue.class);
        var random = demo.seed() == 0 ? new Random() : new Random(demo.seed());
        var api = RestClient.builder().baseUrl("http://127.0.0.1:" + context.getWebServer().getPort()).build();
        simulator = new TrafficSimulator(new TrafficModel(catalogue, random, demo.dailyApplications()), catalogue,
                context.getBean(SimulationClock.class), api, demo.historyDays());
        thread = new Thread(simulator, "demo-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        if (simulator != null) {
            simulator.stop();
            thread.interrupt();
        }
    }
}
