package id.mpp.tracker.platform.axon;

import id.mpp.tracker.application.MetadataKeys;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every message carries the request, channel and principal of the act that started it, plus causation and
 * correlation ids under their common names (Axon's defaults call them correlation and trace).
 */
@Configuration(proxyBeanMethods = false)
public class MessageMetadataConfiguration {

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.CORRELATION_ID);
    }

    @Bean
    public CorrelationDataProvider actMetadataProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.REQUEST_ID, MetadataKeys.CHANNEL, MetadataKeys.PRINCIPAL,
                MetadataKeys.ROLE, MetadataKeys.PRINCIPAL_MPP, MetadataKeys.PRINCIPAL_AGENCY);
    }
}
