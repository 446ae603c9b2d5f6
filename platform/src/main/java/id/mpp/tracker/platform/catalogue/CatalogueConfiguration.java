package id.mpp.tracker.platform.catalogue;

import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Loads the catalogue at start; an invalid file stops the start with every problem listed. */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

    @Bean
    public Catalogue catalogue(@Value("${mpp.catalogue.location:classpath:catalogue/catalogue.yaml}") Resource location) {
        try (var in = location.getInputStream()) {
            Catalogue catalogue = CatalogueReader.read(in, location.getDescription());
            log.info("Catalogue {} loaded from {}: {} MPPs, {} agencies, {} services", catalogue.version(),
                    location.getDescription(), catalogue.mpps().size(), catalogue.agencies().size(),
                    catalogue.services(Optional.empty(), Optional.empty()).size());
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException("Catalogue " + location.getDescription() + " cannot be read", e);
        }
    }
}
