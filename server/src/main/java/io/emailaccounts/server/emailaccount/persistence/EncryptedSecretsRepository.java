package io.emailaccounts.server.emailaccount.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.secrets.SecretCipher;

import static io.emailaccounts.server.emailaccount.EmailAccountProperties.UNIQUE_ID;

/**
 * The secret columns of {@code email_account} (the contract's write-only properties) as a whole: which keys seal them,
 * the start-up checks, and the rewriting of values under an older key with the current one.
 */
@Repository
public class EncryptedSecretsRepository {

    private static final String SEALED = "(%1$s LIKE 'v1:%%' OR %1$s LIKE 'v2:%%')";

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
     * How many stored values each key seals, by key id ({@link SecretCipher#UNNAMED_KEY} for values written before
     * key ids), in the order of the ids. One pass over the table.
     */
    public Map<String, Long> countByKey() {
        if (secrets.isEmpty()) {
            return Map.of();
        }
        String keyIds = secrets.stream()
                .map(secret -> "SELECT CASE WHEN %1$s LIKE 'v2:%%' THEN SUBSTRING(%1$s FROM 4 FOR 16) ELSE '%2$s' END AS key_id FROM %3$s WHERE %4$s"
                        .formatted(secret.column(), SecretCipher.UNNAMED_KEY, EmailAccountTable.NAME, SEALED.formatted(secret.column())))
                .collect(Collectors.joining(" UNION ALL "));
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT key_id, COUNT(*) AS n FROM (" + keyIds + ") sealed GROUP BY key_id")
                .query(rs -> {
                    counts.put(rs.getString("key_id"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Seals the secrets an older version stored in plain text.
     *
     * @return how many values were sealed
     */
    public int encryptPlaintextSecrets() {
        int encrypted = 0;
        for (EmailAccountField<?> secret : secrets) {
            String column = secret.column();
            List<Map<String, Object>> plaintext = jdbc.sql("SELECT id, " + UNIQUE_ID.column() + " AS row_id, " + column
                            + " AS secret FROM " + EmailAccountTable.NAME + " WHERE " + column + " IS NOT NULL AND NOT "
                            + SEALED.formatted(column))
                    .query().listOfRows();
            for (Map<String, Object> row : plaintext) {
                // Only if unchanged: another replica may be serving, and a request may have replaced it meanwhile.
                encrypted += table.bind(jdbc.sql("UPDATE " + EmailAccountTable.NAME + " SET " + column + " = :" + column
                                        + " WHERE id = :id AND " + column + " = :read")
                                .param("id", row.get("id")).param("read", row.get("secret")),
                        Map.of(secret, row.get("secret")), (UUID) row.get("row_id")).update();
            }
        }
        return encrypted;
    }

    /**
     * Whether the configured keys read the values written before key ids ({@code v1:}, all under one key): one per
     * secret column is tried.
     *
     * @return the Id of a record whose secret no configured key reads; empty when every tried one decrypts
     */
    public Optional<Long> findUnnamedKeySecretUnreadable() {
        for (EmailAccountField<?> secret : secrets) {
            String column = secret.column();
            Optional<Map<String, Object>> sample = jdbc.sql("SELECT id, " + UNIQUE_ID.column() + " AS row_id, " + column
                            + " AS secret FROM " + EmailAccountTable.NAME + " WHERE " + column + " LIKE 'v1:%' ORDER BY id"
                            + " FETCH FIRST 1 ROWS ONLY")
                    .query().listOfRows().stream().findFirst();
            if (sample.isPresent()) {
                try {
                    cipher.decrypt((String) sample.get().get("secret"),
                            EmailAccountTable.place(secret, (UUID) sample.get().get("row_id")));
                } catch (IllegalArgumentException unreadable) {
                    return Optional.of(((Number) sample.get().get("id")).longValue());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One step of rewriting: reads the next rows, by Id after {@code afterId}, that hold a value not sealed with the
     * current key, and rewrites each such value under the current key, each in a statement (and a commit) of its own
     * that changes it only if it still holds what was read. So a value written meanwhile (by a request, or by another
     * replica's rewriting) is left as it is, and no lock is held while waiting for another: the rewriting runs beside
     * the writes of any number of replicas. A record's version does not change (its properties do not).
     *
     * @param afterId the last Id the previous step read; {@link Long#MIN_VALUE} to begin
     * @return what the step did, and the Id to go on after
     */
    public Step reencrypt(long afterId, int rows) {
        String notCurrent = secrets.stream()
                .map(secret -> "(" + secret.column() + " IS NOT NULL AND " + secret.column() + " NOT LIKE :current)")
                .collect(Collectors.joining(" OR "));
        String columns = secrets.stream().map(EmailAccountField::column).collect(Collectors.joining(", "));
        List<Map<String, Object>> found = jdbc.sql("SELECT id, " + UNIQUE_ID.column() + " AS row_id, " + columns + " FROM "
                        + EmailAccountTable.NAME + " WHERE id > :after AND (" + notCurrent + ") ORDER BY id FETCH FIRST :rows ROWS ONLY")
                .param("after", afterId)
                .param("current", cipher.currentPrefix() + "%")
                .param("rows", rows)
                .query().listOfRows();
        int rewritten = 0;
        List<Unreadable> unreadable = new ArrayList<>();
        long lastId = afterId;
        for (Map<String, Object> row : found) {
            long id = ((Number) row.get("id")).longValue();
            lastId = id;
            for (EmailAccountField<?> secret : secrets) {
                String stored = (String) row.get(secret.column());
                if (stored == null || cipher.isCurrent(stored) || !SecretCipher.isEncrypted(stored)) {
                    continue;
                }
                var place = EmailAccountTable.place(secret, (UUID) row.get("row_id"));
                String plaintext;
                try {
                    plaintext = cipher.decrypt(stored, place);
                } catch (IllegalArgumentException e) {
                    unreadable.add(new Unreadable(id, secret.column(), SecretCipher.keyIdOf(stored)));
                    continue;
                }
                rewritten += jdbc.sql("UPDATE " + EmailAccountTable.NAME + " SET " + secret.column() + " = :sealed WHERE id = :id AND "
                                + secret.column() + " = :read")
                        .param("sealed", cipher.encrypt(plaintext, place))
                        .param("id", id)
                        .param("read", stored)
                        .update();
            }
        }
        return new Step(lastId, found.size() == rows, rewritten, unreadable);
    }

    /**
     * @param lastId      the last Id read
     * @param more        whether there may be more rows to read after it
     * @param rewritten   how many values were rewritten under the current key
     * @param unreadable  the values no configured key opens, left as they are
     */
    public record Step(long lastId, boolean more, int rewritten, List<Unreadable> unreadable) {
    }

    /** A stored value no configured key opens: its record, its column and the key id it names. */
    public record Unreadable(long id, String column, String keyId) {
    }
}
