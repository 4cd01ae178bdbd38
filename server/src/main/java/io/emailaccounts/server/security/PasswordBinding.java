package io.emailaccounts.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.crypto.SecretKey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.emailaccounts.server.secrets.Fingerprints;

/**
 * What a sign-in's tokens are bound to: a fingerprint of the user's stored password (its hash), under a key derived
 * from the token signing key, so that a changed password ends them and the fingerprint tells nothing of the hash.
 * Every replica with the same signing key makes the same fingerprint. A stored password's fingerprint is made once
 * (bearer requests check it on every call).
 */
final class PasswordBinding {

    private final Fingerprints fingerprints;
    private final Cache<String, String> made = Caffeine.newBuilder().maximumSize(10_000).build();

    PasswordBinding(SecretKey tokenSigningKey) {
        this.fingerprints = Fingerprints.derivedFrom(tokenSigningKey.getEncoded(), "refresh-token password binding");
    }

    /** The fingerprint of this stored password, in hex. */
    String of(String storedPassword) {
        return made.get(storedPassword, fingerprints::of);
    }

    /** Whether {@code binding} is this stored password's fingerprint (compared in constant time). */
    boolean matches(String storedPassword, String binding) {
        return binding != null && MessageDigest.isEqual(
                of(storedPassword).getBytes(StandardCharsets.US_ASCII),
                binding.getBytes(StandardCharsets.US_ASCII));
    }
}
