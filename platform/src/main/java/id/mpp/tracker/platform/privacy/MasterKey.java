package id.mpp.tracker.platform.privacy;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/** The key that wraps every data subject's key; it comes from the environment, never from the database. */
public record MasterKey(SecretKey key) {

    static final int BYTES = 32;

    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key is not valid base64");
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException("The master key must be " + BYTES + " bytes (256 bits), base64-encoded");
        }
        return new MasterKey(new SecretKeySpec(bytes, "AES"));
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
