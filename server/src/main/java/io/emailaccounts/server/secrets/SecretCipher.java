package io.emailaccounts.server.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM under a current key, and opens them under any configured key, so that the
 * key can change without a stop: values are written under the current key, read under whichever key sealed them, and
 * rewritten under the current one in the background until the older key holds none.
 * <p>
 * Stored form: {@code v2:} + the key's id + {@code :} + base64(a random 96-bit IV + ciphertext and 128-bit tag). The key
 * id is derived from the key ({@link #keyIdOf(byte[])}) and tells nothing of it. The associated data is the form's
 * prefix and the value's place ({@link SecretPlace}: table, column and row), so that a stored value can neither be
 * read, altered, given another key's id, nor moved to another column or row without the key.
 * <p>
 * Values an older version wrote ({@code v1:} + base64, under one key it did not name, the column alone as associated
 * data) are read with each configured key in turn, and rewritten in the current form like any value under an older key.
 */
public final class SecretCipher {

    /** What {@link #keyIdOf(String)} answers for a value written before key ids ({@code v1:}). */
    public static final String UNNAMED_KEY = "v1";

    private static final String LEGACY_PREFIX = "v1:";
    private static final String PREFIX = "v2:";
    private static final int KEY_ID_BYTES = 8;
    private static final int KEY_ID_CHARS = 2 * KEY_ID_BYTES;
    /** {@code v2:} + the key id + {@code :}. */
    static final int PREFIX_LENGTH = PREFIX.length() + KEY_ID_CHARS + 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    /** Every configured key by its id, the current one first. */
    private final Map<String, SecretKeySpec> keys;
    private final List<Fingerprints> fingerprints;
    private final SecureRandom random = new SecureRandom();

    /** A cipher with one key, which writes and reads. */
    public SecretCipher(byte[] key) {
        this(key, List.of());
    }

    /**
     * @param currentKey the key new values are sealed with
     * @param olderKeys  keys values may still be sealed with, read but never written with
     */
    public SecretCipher(byte[] currentKey, List<byte[]> olderKeys) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        List<Fingerprints> fingerprints = new ArrayList<>();
        List<byte[]> all = new ArrayList<>();
        all.add(currentKey);
        all.addAll(olderKeys);
        for (byte[] key : all) {
            if (key.length != 32) {
                throw new IllegalArgumentException("An AES-256 key has 32 bytes, not " + key.length);
            }
            if (keys.putIfAbsent(keyIdOf(key), new SecretKeySpec(key, "AES")) == null) {
                fingerprints.add(Fingerprints.derivedFrom(key, "fingerprints"));
            }
        }
        this.currentKeyId = keyIdOf(currentKey);
        this.keys = Collections.unmodifiableMap(keys);
        this.fingerprints = List.copyOf(fingerprints);
    }

    /**
     * The id a key's values carry: the first 64 bits of HMAC-SHA256 under the key of a fixed label, in hexadecimal.
     * Equal for one key on every replica; without the key no help in finding it.
     */
    public static String keyIdOf(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("emailaccounts secrets key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of every configured key, the current one first. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * The beginning every value sealed with the current key has, and no other value has: for finding, in the database,
     * the values still to rewrite.
     */
    public String currentPrefix() {
        return PREFIX + currentKeyId + ":";
    }

    /**
     * A fingerprint of a text that may hold secrets (a request's body): equal for equal texts, and without the key no
     * help in guessing the text, not even a short password in it (HMAC-SHA256 under a key derived from the current
     * key), where a plain hash could be tried against every likely password. 64 hexadecimal digits.
     */
    public String fingerprint(String text) {
        return fingerprints.get(0).of(text);
    }

    /** Whether {@code fingerprint} is this text's, under the current key or an older one (made before the key changed). */
    public boolean isFingerprintOf(String fingerprint, String text) {
        return fingerprints.stream().anyMatch(under -> under.of(text).equals(fingerprint));
    }

    /**
     * The most characters the stored form of a secret of at most {@code maxCharacters} characters takes: each may take
     * four bytes in UTF-8, plus the IV and the tag, in base64, after the prefix.
     */
    public static int storedLength(int maxCharacters) {
        long sealed = 4L * maxCharacters + IV_BYTES + TAG_BITS / 8;
        return Math.toIntExact(PREFIX_LENGTH + 4 * ((sealed + 2) / 3));
    }

    /** Whether a stored value is sealed (and not, say, plain text left by an older version). */
    public static boolean isEncrypted(String stored) {
        return stored != null && (stored.startsWith(PREFIX) || stored.startsWith(LEGACY_PREFIX));
    }

    /**
     * The id of the key a stored value was sealed with; {@value #UNNAMED_KEY} for a value written before key ids.
     *
     * @throws IllegalArgumentException when the value is not sealed
     */
    public static String keyIdOf(String stored) {
        if (stored != null && stored.startsWith(PREFIX) && stored.length() > PREFIX_LENGTH && stored.charAt(PREFIX_LENGTH - 1) == ':') {
            return stored.substring(PREFIX.length(), PREFIX_LENGTH - 1);
        }
        if (stored != null && stored.startsWith(LEGACY_PREFIX)) {
            return UNNAMED_KEY;
        }
        throw new IllegalArgumentException("Not a sealed value");
    }

    /** Whether a stored value is sealed with the current key, in the current form. */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(currentPrefix());
    }

    public String encrypt(String plaintext, SecretPlace place) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        String prefix = currentPrefix();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, prefix + place.context());
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return prefix + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @throws UnknownSecretKeyException when the value names a key that is not configured
     * @throws IllegalArgumentException  when the value was not sealed by a configured key for this place, or was altered
     */
    public String decrypt(String stored, SecretPlace place) {
        String keyId = keyIdOf(stored);
        if (keyId.equals(UNNAMED_KEY)) {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(LEGACY_PREFIX.length()));
            for (SecretKeySpec key : keys.values()) {
                try {
                    return open(key, bytes, place.legacyContext());
                } catch (GeneralSecurityException notThisKey) {
                    // the next one, perhaps
                }
            }
            throw new IllegalArgumentException("The value cannot be decrypted with any configured key for its place");
        }
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new UnknownSecretKeyException(keyId);
        }
        try {
            return open(key, Base64.getDecoder().decode(stored.substring(PREFIX_LENGTH)), stored.substring(0, PREFIX_LENGTH) + place.context());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The value cannot be decrypted with its key for its place", e);
        }
    }

    private static String open(SecretKeySpec key, byte[] bytes, String context) throws GeneralSecurityException {
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("Too short to be sealed");
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, IV_BYTES), context);
        return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, current key " + currentKeyId + ", " + keys.size() + " key(s)]";
    }
}
