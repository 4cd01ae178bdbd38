package io.emailaccounts.server.operations;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.emailaccount.persistence.EncryptedSecretsRepository;
import io.emailaccounts.server.emailaccount.persistence.SecretsReencryption;
import io.emailaccounts.server.secrets.SecretCipher;

/**
 * {@code GET /actuator/secrets} (an administrator's credentials): the keys that seal the stored access tokens, by id
 * (never the keys), and how many values each seals now, counted when asked. An older key may leave
 * {@code emailaccounts.secrets.decryption-keys} once {@code valuesUnderOlderKeys} is 0 on a server that has every key.
 */
@Component
@Endpoint(id = "secrets")
public class SecretsEndpoint {

    private final EncryptedSecretsRepository repository;
    private final SecretsReencryption reencryption;
    private final SecretCipher cipher;

    SecretsEndpoint(EncryptedSecretsRepository repository, SecretsReencryption reencryption, SecretCipher cipher) {
        this.repository = repository;
        this.reencryption = reencryption;
        this.cipher = cipher;
    }

    /**
     * @param currentKeyId         the id of {@code emailaccounts.secrets.encryption-key}, which seals every value written
     * @param configuredKeyIds     the ids of every configured key, the current one first
     * @param values               how many stored values each key seals, by key id ({@code v1}: stored before key ids)
     * @param valuesUnderOlderKeys how many are still to rewrite under the current key
     */
    public record Report(String currentKeyId, List<String> configuredKeyIds, Map<String, Long> values,
                         long valuesUnderOlderKeys) {
    }

    @ReadOperation
    public Report secrets() {
        Map<String, Long> values = repository.countByKey();
        return new Report(cipher.currentKeyId(), List.copyOf(cipher.keyIds()), values, reencryption.underOlderKeys(values));
    }
}
