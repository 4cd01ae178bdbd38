package io.emailaccounts.server.secrets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.config.RunMode;
import io.emailaccounts.server.config.SecretKeys;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(EmailAccountsProperties properties, RunMode runMode) {
        byte[] key = SecretKeys.resolve("emailaccounts.secrets.encryption-key", properties.secrets().encryptionKey(),
                runMode.isDevelopment(), properties.developmentDirectory().resolve("secrets-key"));
        if (key.length != 32) {
            throw new InvalidConfigurationException("emailaccounts.secrets.encryption-key must hold exactly 32 bytes "
                    + "(AES-256); it holds " + key.length);
        }
        return new SecretCipher(key);
    }
}
