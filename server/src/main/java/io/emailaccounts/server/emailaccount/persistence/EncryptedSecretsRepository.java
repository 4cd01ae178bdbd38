package io.emailaccounts.server.emailaccount.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.secrets.SecretCipher;

/** The secret columns of {@code email_account} (the contract's write-only properties) as a whole, for start-up checks. */
@Repository
public class EncryptedSecretsRepository {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final EmailAccountTable table;
    private final List<EmailAccountField<?>> secrets;

    EncryptedSecretsRepository(JdbcClient jdbc, SecretCipher cipher, EmailAccountTable table, EmailAccountSchema schema) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.table = table;
        this.secrets = schema.fields().stream().filter(field -> field.stored() && field.secret()).toList();
    }

    /**
     * Encrypts the secrets an older version stored in plain text.
     *
     * @return how many values were encrypted
     */
    public int encryptPlaintextSecrets() {
        int encrypted = 0;
        for (EmailAccountField<?> secret : secrets) {
            String column = secret.column();
            List<Map<String, Object>> plaintext = jdbc.sql("SELECT id, " + column + " AS secret FROM " + EmailAccountTable.NAME
                            + " WHERE " + column + " IS NOT NULL AND " + column + " NOT LIKE 'v1:%'")
                    .query().listOfRows();
            for (Map<String, Object> row : plaintext) {
                encrypted += table.bind(jdbc.sql("UPDATE " + EmailAccountTable.NAME + " SET " + column + " = :" + column
                        + " WHERE id = :id").param("id", row.get("id")), Map.of(secret, row.get("secret"))).update();
            }
        }
        return encrypted;
    }

    /**
     * Whether this server's key can read the secrets already stored: one encrypted value per secret column is tried
     * (a wrong key fails on every value alike).
     *
     * @return the Id of a record whose secret this key cannot decrypt; empty when every tried one decrypts
     */
    public Optional<Long> findSecretUnreadableWithThisKey() {
        for (EmailAccountField<?> secret : secrets) {
            String column = secret.column();
            Optional<Map<String, Object>> sample = jdbc.sql("SELECT id, " + column + " AS secret FROM " + EmailAccountTable.NAME
                            + " WHERE " + column + " LIKE 'v1:%' ORDER BY id FETCH FIRST 1 ROWS ONLY")
                    .query().listOfRows().stream().findFirst();
            if (sample.isPresent()) {
                try {
                    cipher.decrypt((String) sample.get().get("secret"), column);
                } catch (IllegalArgumentException unreadable) {
                    return Optional.of(((Number) sample.get().get("id")).longValue());
                }
            }
        }
        return Optional.empty();
    }
}
