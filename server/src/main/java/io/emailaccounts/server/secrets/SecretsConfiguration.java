package io.emailaccounts.server.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.config.RunMode;
import io.emailaccounts.server.config.SecretKeys;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    static final String ENCRYPTION_KEY = "emailaccounts.secrets.encryption-key";
    static final String DECRYPTION_KEYS = "emailaccounts.secrets.decryption-keys";

    @Bean
    SecretCipher secretCipher(EmailAccountsProperties properties, RunMode runMode) {
        EmailAccountsProperties.Secrets secrets = properties.secrets();
        byte[] key = SecretKeys.resolve(ENCRYPTION_KEY, secrets.encryptionKey(), runMode.isDevelopment(),
                properties.developmentDirectory().resolve("secrets-key"));
        requireAes256(ENCRYPTION_KEY, key);
        List<byte[]> olderKeys = new ArrayList<>();
        for (int i = 0; i < secrets.decryptionKeys().size(); i++) {
            String setting = DECRYPTION_KEYS + "[" + i + "]";
            byte[] older;
            try {
                older = Base64.getDecoder().decode(secrets.decryptionKeys().get(i).strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(setting + " is not valid base64");
            }
            requireAes256(setting, older);
            olderKeys.add(older);
        }
        return new SecretCipher(key, olderKeys);
    }

    private static void requireAes256(String setting, byte[] key) {
        if (key.length != 32) {
            throw new InvalidConfigurationException(setting + " must hold exactly 32 bytes (AES-256); it holds " + key.length);
        }
    }
}
