package id.mpp.tracker.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tracking tokens and sagas live in MongoDB, next to the read models, in every topology. */
@Configuration(proxyBeanMethods = false)
public class AxonMongoConfiguration {

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, @Value("${spring.data.mongodb.database:mpp}") String database) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, database)
                .trackingTokensCollectionName("axon_tracking_tokens")
                .sagasCollectionName("axon_sagas")
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, TransactionManager transactionManager) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .transactionManager(transactionManager)
                .build();
    }

    /**
     * Tokens and read models live in MongoDB, outside the event store's database transactions. With a transaction
     * manager, Axon stores a batch's token before handling it (counting on one transaction for both), so a failed
     * batch would be skipped; without one, the token is stored after the batch is handled.
     */
    @Autowired
    void storeTokensAfterHandling(EventProcessingConfigurer processing) {
        processing.registerDefaultTransactionManager(configuration -> NoTransactionManager.instance());
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
