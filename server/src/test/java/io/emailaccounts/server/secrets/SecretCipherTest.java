package io.emailaccounts.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void shouldDecryptWhatItEncrypted() {
        String stored = cipher.encrypt("ya29.a-token-é", "google_access_token");

        assertThat(stored).startsWith("v1:").doesNotContain("ya29");
        assertThat(SecretCipher.isEncrypted(stored)).isTrue();
        assertThat(cipher.decrypt(stored, "google_access_token")).isEqualTo("ya29.a-token-é");
    }

    @Test
    void shouldNeverStoreTheSameSecretTheSameWay() {
        assertThat(cipher.encrypt("same", "c")).isNotEqualTo(cipher.encrypt("same", "c"));
    }

    @Test
    void shouldRefuseAnAlteredValueAnotherColumnsValueOrAnotherKey() {
        String stored = cipher.encrypt("secret", "google_access_token");
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(altered, "google_access_token")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, "office365_access_token")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher("abcdef0123456789abcdef0123456789".getBytes()).decrypt(stored, "google_access_token"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain", "google_access_token")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepItsKeyOutOfItsDescription() {
        assertThat(cipher.toString()).doesNotContain(new String(KEY));
    }
}
