package id.mpp.tracker.platform.privacy;

import id.mpp.tracker.privacy.PersonalDataVault;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    MasterKey masterKey(@Value("${mpp.privacy.master-key:}") String base64, ObjectProvider<MasterKeyFallback> fallback) {
        if (!base64.isBlank()) {
            return MasterKey.fromBase64(base64);
        }
        return fallback.getIfAvailable(() -> () -> {
            throw new IllegalStateException("No master key: set mpp.privacy.master-key (environment MPP_PRIVACY_MASTER_KEY)"
                    + " to a base64-encoded 256-bit key, e.g. from `openssl rand -base64 32`");
        }).masterKey();
    }

    @Bean
    PersonalDataVault personalDataVault(MongoTemplate mongo, MasterKey masterKey, ObjectProvider<PersonalDataKeyStore> keyStore) {
        var keys = keyStore.getIfAvailable(() -> new PersonalDataKeyStore(mongo, KeyDurability.JOURNALED));
        return new MongoPersonalDataVault(keys.mongo(), masterKey, keys.durability());
    }
}
