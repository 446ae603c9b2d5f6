package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.platform.audit.AuditReadingConfiguration;
import id.mpp.tracker.platform.axon.AxonMongoConfiguration;
import id.mpp.tracker.platform.axon.ServiceClockUpcaster;
import id.mpp.tracker.platform.catalogue.CalendarConfiguration;
import id.mpp.tracker.platform.catalogue.CatalogueConfiguration;
import id.mpp.tracker.platform.privacy.PrivacyConfiguration;
import id.mpp.tracker.platform.time.ClockConfiguration;
import id.mpp.tracker.standalone.storage.StorageProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The seeder's context: standalone's storage (the same embedded PostgreSQL and MongoDB-compatible server on the
 * same data directory, or the configured ones), Axon's event storage engine with the configured serializer, and the
 * platform's catalogue, holiday calendars, clock and personal-data vault; nothing that handles commands or events.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = StorageProperties.class)
@Import({CatalogueConfiguration.class, CalendarConfiguration.class, ClockConfiguration.class, PrivacyConfiguration.class,
        AuditReadingConfiguration.class, AxonMongoConfiguration.class, ServiceClockUpcaster.class, HistorySeeder.class})
@EnableConfigurationProperties(SeedProperties.class)
class SeedApplication {
}
