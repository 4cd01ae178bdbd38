package io.emailaccounts.server.emailaccount.persistence;

import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.secrets.SecretCipher;

/**
 * At start-up, before the server takes a request: refuses to start when a stored access token is sealed with a key
 * that is not configured (the server could not read it, and would leave it so), naming the key's id and the setting;
 * then seals any token an older version left in plain text, so that the database holds none.
 */
@Component
@DependsOnDatabaseInitialization
class StoredSecretsCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StoredSecretsCheck.class);

    private final EncryptedSecretsRepository repository;
    private final SecretCipher cipher;
    private final SecretsReencryption reencryption;

    StoredSecretsCheck(EncryptedSecretsRepository repository, SecretCipher cipher, SecretsReencryption reencryption) {
        this.repository = repository;
        this.cipher = cipher;
        this.reencryption = reencryption;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Long> counts = repository.countByKey();
        Map<String, Long> missing = counts.entrySet().stream()
                .filter(used -> !used.getKey().equals(SecretCipher.UNNAMED_KEY) && !cipher.keyIds().contains(used.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!missing.isEmpty()) {
            throw new InvalidConfigurationException("Stored access tokens are sealed with "
                    + missing.entrySet().stream().map(key -> "key " + key.getKey() + " (" + key.getValue() + " value"
                            + (key.getValue() == 1 ? ")" : "s)")).collect(Collectors.joining(", "))
                    + ", which is neither emailaccounts.secrets.encryption-key (key " + cipher.currentKeyId()
                    + ") nor one of emailaccounts.secrets.decryption-keys.",
                    "Add the key with that id to emailaccounts.secrets.decryption-keys. If it is lost, the tokens it "
                            + "sealed are too: the Operations guide's \"A lost encryption key\" says how to start again.");
        }
        repository.findUnnamedKeySecretUnreadable().ifPresent(id -> {
            throw new InvalidConfigurationException("No configured key reads the access tokens stored before key ids "
                    + "(EmailAccount " + id + "'s cannot be read), neither emailaccounts.secrets.encryption-key nor one "
                    + "of emailaccounts.secrets.decryption-keys.",
                    "Add the key they were stored under to emailaccounts.secrets.decryption-keys. If it is lost, the "
                            + "Operations guide's \"A lost encryption key\" says how to start again.");
        });
        int encrypted = repository.encryptPlaintextSecrets();
        if (encrypted > 0) {
            log.info("Sealed {} access token(s) that were stored in plain text", encrypted);
            counts = repository.countByKey();
        }
        reencryption.publish(counts);
    }
}
