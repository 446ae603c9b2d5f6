package id.mpp.tracker.platform.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    private static final byte[] KEY = bytes(32);
    private static final String BASE64 = Base64.getEncoder().encodeToString(KEY);

    @Test
    void readsABase64EncodedKeyOf256Bits() {
        var masterKey = MasterKey.fromBase64(BASE64);

        assertThat(masterKey.key().getEncoded()).isEqualTo(KEY);
        assertThat(masterKey.key().getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void toleratesTheLineBreakAndSpacesAroundAKeyPastedFromOpenssl() {
        assertThat(MasterKey.fromBase64("  " + BASE64 + "\n").key().getEncoded()).isEqualTo(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "c2VjcmV0*", "AAAA=AAAA", "%%%%"})
    void refusesTextThatIsNotBase64WithoutRepeatingIt(String text) {
        assertThatThrownBy(() -> MasterKey.fromBase64(text))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The master key is not valid base64");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 24, 31, 33, 64})
    void refusesAKeyOfAnyOtherLengthThan32BytesWithoutRepeatingIt(int length) {
        String base64 = Base64.getEncoder().encodeToString(bytes(length));

        assertThatThrownBy(() -> MasterKey.fromBase64(base64))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The master key must be 32 bytes (256 bits), base64-encoded");
    }

    @Test
    void showsNothingOfTheKeyWhenPrinted() {
        var masterKey = MasterKey.fromBase64(BASE64);

        assertThat(masterKey.toString())
                .isEqualTo("MasterKey[hidden]")
                .doesNotContain(BASE64, HexFormat.of().formatHex(KEY), HexFormat.of().withUpperCase().formatHex(KEY));
        assertThat(String.valueOf(masterKey)).doesNotContain(BASE64);
    }

    /** Distinct, recognisable bytes (not all zero), so that a leak would show. */
    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        IntStream.range(0, length).forEach(i -> bytes[i] = (byte) (17 + 7 * i));
        return bytes;
    }
}
