package io.emailaccounts.server.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for storage with AES-256-GCM: a random 96-bit IV per value, a 128-bit tag, and the place the value
 * belongs to (its column) as associated data, so that a stored value can neither be read, altered, nor moved to
 * another column without the key. Stored form: {@code v1:} + base64(IV + ciphertext and tag).
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Fingerprints fingerprints;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("An AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.fingerprints = Fingerprints.derivedFrom(key, "fingerprints");
    }

    /**
     * A fingerprint of a text that may hold secrets (a request's body): equal for equal texts, and without the key no
     * help in guessing the text, not even a short password in it (HMAC-SHA256 under a key derived from this cipher's),
     * where a plain hash could be tried against every likely password. 64 hexadecimal digits.
     */
    public String fingerprint(String text) {
        return fingerprints.of(text);
    }

    /**
     * The most characters the stored form of a secret of at most {@code maxCharacters} characters takes: each may take
     * four bytes in UTF-8, plus the IV and the tag, in base64, after the prefix.
     */
    public static int storedLength(int maxCharacters) {
        long sealed = 4L * maxCharacters + IV_BYTES + TAG_BITS / 8;
        return Math.toIntExact(PREFIX.length() + 4 * ((sealed + 2) / 3));
    }

    /** Whether a stored value is in this cipher's form (and not, say, plain text left by an older version). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalArgumentException when the value was not sealed by this key for this context, or was altered */
    public String decrypt(String stored, String context) {
        if (!isEncrypted(stored)) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), context);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The value cannot be decrypted with this key and context", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM]";
    }
}
