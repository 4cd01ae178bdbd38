package io.emailaccounts.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] NEW_KEY = "fedcba9876543210fedcba9876543210".getBytes();
    private static final SecretPlace PLACE = new SecretPlace("email_account", "google_access_token", UUID.randomUUID());

    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void shouldDecryptWhatItEncryptedAndNameTheKeyInTheStoredValue() {
        String stored = cipher.encrypt("ya29.a-token-é", PLACE);

        assertThat(stored).startsWith("v2:" + SecretCipher.keyIdOf(KEY) + ":").doesNotContain("ya29");
        assertThat(SecretCipher.isEncrypted(stored)).isTrue();
        assertThat(SecretCipher.keyIdOf(stored)).isEqualTo(cipher.currentKeyId());
        assertThat(cipher.isCurrent(stored)).isTrue();
        assertThat(cipher.decrypt(stored, PLACE)).isEqualTo("ya29.a-token-é");
    }

    @Test
    void shouldDeriveAKeyIdThatIsTheSameForOneKeyAndTellsNothingOfIt() {
        assertThat(SecretCipher.keyIdOf(KEY)).matches("[0-9a-f]{16}").isEqualTo(SecretCipher.keyIdOf(KEY.clone()))
                .isNotEqualTo(SecretCipher.keyIdOf(NEW_KEY));
        assertThat(SecretCipher.keyIdOf(KEY)).doesNotContain(new String(KEY).substring(0, 4));
    }

    @Test
    void shouldNeverStoreTheSameSecretTheSameWay() {
        assertThat(cipher.encrypt("same", PLACE)).isNotEqualTo(cipher.encrypt("same", PLACE));
    }

    @Test
    void shouldRefuseAnAlteredValueAnotherColumnsOrRowsValueOrAnotherKey() {
        String stored = cipher.encrypt("secret", PLACE);
        byte[] bytes = Base64.getDecoder().decode(stored.substring(20));
        bytes[bytes.length - 1] ^= 1;
        String altered = stored.substring(0, 20) + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(altered, PLACE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, new SecretPlace("email_account", "office365_access_token", PLACE.row())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, new SecretPlace("email_account", PLACE.column(), UUID.randomUUID())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher(NEW_KEY).decrypt(stored, PLACE))
                .isInstanceOf(UnknownSecretKeyException.class).hasMessageContaining(SecretCipher.keyIdOf(KEY));
        assertThatThrownBy(() -> cipher.decrypt("plain", PLACE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("v2:" + SecretCipher.keyIdOf(KEY) + ":", PLACE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A value whose key id is changed to another configured key's does not decrypt under either. */
    @Test
    void shouldRefuseAValueGivenAnotherKeysId() {
        SecretCipher both = new SecretCipher(NEW_KEY, List.of(KEY));
        String stored = new SecretCipher(KEY).encrypt("secret", PLACE);
        String relabelled = "v2:" + both.currentKeyId() + stored.substring(19);

        assertThatThrownBy(() -> both.decrypt(relabelled, PLACE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteWithTheCurrentKeyAndReadWithAnyConfiguredOne() {
        String underOldKey = cipher.encrypt("secret", PLACE);
        SecretCipher rotated = new SecretCipher(NEW_KEY, List.of(KEY));

        assertThat(rotated.currentKeyId()).isEqualTo(SecretCipher.keyIdOf(NEW_KEY));
        assertThat(rotated.keyIds()).containsExactly(SecretCipher.keyIdOf(NEW_KEY), SecretCipher.keyIdOf(KEY));
        assertThat(rotated.isCurrent(underOldKey)).isFalse();
        assertThat(rotated.decrypt(underOldKey, PLACE)).isEqualTo("secret");
        String rewritten = rotated.encrypt("secret", PLACE);
        assertThat(SecretCipher.keyIdOf(rewritten)).isEqualTo(rotated.currentKeyId());
        assertThat(rotated.currentPrefix()).isEqualTo(rewritten.substring(0, 20));
    }

    /** What the version before key ids stored: v1: + base64(IV + sealed), the column alone as associated data. */
    @Test
    void shouldReadValuesStoredBeforeKeyIdsWithAnyConfiguredKey() throws Exception {
        String legacy = legacy(KEY, "old-token", PLACE.column());

        assertThat(SecretCipher.keyIdOf(legacy)).isEqualTo(SecretCipher.UNNAMED_KEY);
        assertThat(new SecretCipher(NEW_KEY, List.of(KEY)).decrypt(legacy, PLACE)).isEqualTo("old-token");
        assertThat(cipher.isCurrent(legacy)).isFalse();
        assertThatThrownBy(() -> new SecretCipher(NEW_KEY).decrypt(legacy, PLACE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRecogniseAFingerprintMadeUnderAnOlderKey() {
        String before = cipher.fingerprint("request");
        SecretCipher rotated = new SecretCipher(NEW_KEY, List.of(KEY));

        assertThat(rotated.fingerprint("request")).isNotEqualTo(before);
        assertThat(rotated.isFingerprintOf(before, "request")).isTrue();
        assertThat(rotated.isFingerprintOf(before, "another request")).isFalse();
        assertThat(new SecretCipher(NEW_KEY).isFingerprintOf(before, "request")).isFalse();
    }

    @Test
    void shouldKeepItsKeysOutOfItsDescription() {
        assertThat(new SecretCipher(KEY, List.of(NEW_KEY)).toString()).doesNotContain(new String(KEY))
                .doesNotContain(new String(NEW_KEY)).doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }

    static String legacy(byte[] key, String plaintext, String column) throws Exception {
        byte[] iv = new byte[12];
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(column.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }
}
