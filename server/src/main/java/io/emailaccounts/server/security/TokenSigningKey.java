package io.emailaccounts.server.security;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.emailaccounts.server.config.InvalidConfigurationException;

/** The HMAC-SHA256 key that signs and checks access tokens. */
final class TokenSigningKey {

    private static final Logger log = LoggerFactory.getLogger(TokenSigningKey.class);
    private static final int MIN_BYTES = 32;

    private TokenSigningKey() {
    }

    /**
     * @param base64 {@code emailaccounts.security.token-signing-key}; when unset a random key is made, which means
     *               access tokens stop working when the server restarts
     */
    static SecretKey from(String base64) {
        byte[] key;
        if (base64 == null || base64.isBlank()) {
            key = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(key);
            log.warn("emailaccounts.security.token-signing-key is not set: signing access tokens with a random key, "
                    + "so they stop working when the server restarts");
        } else {
            try {
                key = Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("emailaccounts.security.token-signing-key is not valid base64");
            }
            if (key.length < MIN_BYTES) {
                throw new InvalidConfigurationException("emailaccounts.security.token-signing-key must hold at least "
                        + MIN_BYTES + " bytes (256 bits); it holds " + key.length);
            }
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
