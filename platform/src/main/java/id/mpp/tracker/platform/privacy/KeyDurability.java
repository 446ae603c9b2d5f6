package id.mpp.tracker.platform.privacy;

/**
 * Makes a change to the key store durable before it is relied on: a person's key must not be lost once data
 * sealed with it is stored. A MongoDB with journaled writes needs nothing more; an embedded store may.
 */
@FunctionalInterface
public interface KeyDurability {

    KeyDurability JOURNALED = () -> {
    };

    void ensureDurable();
}
