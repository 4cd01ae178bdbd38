package io.emailaccounts.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a sign-in's tokens are bound to: a fingerprint of the user's stored password (its hash), an HMAC under a key
 * derived from the token signing key, so that a changed password ends them and the fingerprint tells nothing of the
 * hash. Every replica with the same signing key makes the same fingerprint.
 */
final class PasswordBinding {

    private final SecretKeySpec key;

    PasswordBinding(SecretKey tokenSigningKey) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(tokenSigningKey.getEncoded(), "HmacSHA256"),
                "refresh-token password binding"), "HmacSHA256");
    }

    /** The fingerprint of this stored password, in hex. */
    String of(String storedPassword) {
        return HexFormat.of().formatHex(hmac(key, storedPassword));
    }

    /** Whether {@code binding} is this stored password's fingerprint (compared in constant time). */
    boolean matches(String storedPassword, String binding) {
        return binding != null && MessageDigest.isEqual(of(storedPassword).getBytes(StandardCharsets.US_ASCII),
                binding.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
