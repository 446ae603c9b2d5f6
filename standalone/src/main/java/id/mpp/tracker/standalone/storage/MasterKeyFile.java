package id.mpp.tracker.standalone.storage;

import id.mpp.tracker.platform.privacy.MasterKey;
import id.mpp.tracker.platform.privacy.MasterKeyFallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Without a master key from the environment, standalone keeps one in its data directory, created at the first
 * start. Whoever holds the data directory then holds the key: fine for trying it out, not for production.
 */
@Component
class MasterKeyFile implements MasterKeyFallback {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyFile.class);

    private final Path file;

    MasterKeyFile(StorageProperties storage) {
        this.file = storage.dataDir().resolve("master.key").toAbsolutePath();
    }

    @Override
    public MasterKey masterKey() {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                createPrivately(file);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                log.warn("Created a master key for personal data in {}; production takes it from MPP_PRIVACY_MASTER_KEY", file);
            }
            return MasterKey.fromBase64(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }

    /** Readable by its owner only from the first moment, where the file system knows POSIX permissions. */
    private static void createPrivately(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        }
    }
}
