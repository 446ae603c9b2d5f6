package id.mpp.tracker.platform.privacy;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where the keys of personal data are kept, when not beside the read models: a key must be durable before data
 * sealed with it is stored, and an embedded store can only make that so by committing everything it holds, which
 * is cheap for a store of keys alone and dear for one that also holds the read models.
 *
 * @param mongo      the database holding the key collection
 * @param durability what makes a change to it durable
 */
public record PersonalDataKeyStore(MongoTemplate mongo, KeyDurability durability) {
}
