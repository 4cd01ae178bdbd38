package io.emailaccounts.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints of texts that may hold secrets: HMAC-SHA256 under a key derived from a server key and a label, so that
 * each use has a key of its own and a fingerprint is no help in guessing its text without the server key. Equal texts
 * give equal fingerprints on every replica with the same key. 64 hexadecimal digits.
 */
public final class Fingerprints {

    private final SecretKeySpec key;

    private Fingerprints(SecretKeySpec key) {
        this.key = key;
    }

    /** Fingerprints under the key derived from {@code serverKey} for {@code label}. */
    public static Fingerprints derivedFrom(byte[] serverKey, String label) {
        return new Fingerprints(new SecretKeySpec(hmac(new SecretKeySpec(serverKey, "HmacSHA256"), label), "HmacSHA256"));
    }

    public String of(String text) {
        return HexFormat.of().formatHex(hmac(key, text));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
