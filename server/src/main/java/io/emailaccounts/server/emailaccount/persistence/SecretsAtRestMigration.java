package io.emailaccounts.server.emailaccount.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.emailaccounts.server.config.InvalidConfigurationException;

/**
 * At start-up, makes sure the access tokens at rest are all sealed with this server's key: stops when the key cannot
 * read those already stored (another key's, which would leave two keys in one table), then encrypts any token an older
 * version left in plain text, so the database holds none.
 */
@Component
class SecretsAtRestMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretsAtRestMigration.class);

    private final EncryptedSecretsRepository repository;

    SecretsAtRestMigration(EncryptedSecretsRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        repository.findSecretUnreadableWithThisKey().ifPresent(id -> {
            throw new InvalidConfigurationException("emailaccounts.secrets.encryption-key is not the key the stored access "
                    + "tokens were encrypted with (EmailAccount " + id + " cannot be read with it). Start with the key they "
                    + "were stored under.");
        });
        int encrypted = repository.encryptPlaintextSecrets();
        if (encrypted > 0) {
            log.info("Encrypted {} access token(s) that were stored in plain text", encrypted);
        }
    }
}
