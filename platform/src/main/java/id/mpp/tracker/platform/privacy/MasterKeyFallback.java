package id.mpp.tracker.platform.privacy;

/** Where a master key comes from when the environment gives none (standalone keeps one in its data directory). */
public interface MasterKeyFallback {

    MasterKey masterKey();
}
