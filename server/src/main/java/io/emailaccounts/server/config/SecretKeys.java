package io.emailaccounts.server.config;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's keys (token signing, secrets at rest): base64 of at least 32 random bytes, set by the operator. Only the
 * development mode makes one itself, kept beside its data; in production mode a missing key stops start-up.
 */
public final class SecretKeys {

    public static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    /**
     * @param property          the setting's name, for messages
     * @param configured        its value, base64; null or blank when unset
     * @param development       whether the server runs in development mode
     * @param developmentFile   where the development setup keeps a key it made
     */
    public static byte[] resolve(String property, String configured, boolean development, Path developmentFile) {
        String base64 = configured;
        if (base64 == null || base64.isBlank()) {
            if (!development) {
                throw new InvalidConfigurationException(property + " is not set. Set it to base64 of " + MIN_BYTES
                        + " random bytes, for example the output of: openssl rand -base64 " + MIN_BYTES);
            }
            base64 = DevelopmentFiles.loadOrCreate(developmentFile, () -> {
                byte[] key = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(key);
                return Base64.getEncoder().encodeToString(key);
            });
            log.info("{} is not set: using the development key kept in {} (development mode only)", property,
                    developmentFile.toAbsolutePath().normalize());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(property + " is not valid base64");
        }
        if (key.length < MIN_BYTES) {
            throw new InvalidConfigurationException(property + " must hold at least " + MIN_BYTES + " bytes (256 bits); it holds "
                    + key.length);
        }
        return key;
    }
}
