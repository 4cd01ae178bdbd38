package io.emailaccounts.server.emailaccount.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key}s of creates, per user: the key, a fingerprint of the request it came with and the record
 * the create made, until it expires. A key is written by the create's own statement sequence, in its transaction
 * (the group commit's): a key is never kept without its record, nor a record without the key it was made under.
 * Two creates with one key that race (on two replicas) meet at the primary key: the second waits for the first's
 * commit and fails, and finds the first's key when it looks again.
 */
@Repository
public class IdempotencyKeys {

    /** What a key answered: the record it made, when, and the request it came with. */
    public record Stored(String fingerprint, long recordId, Instant createdOn, Instant expiresOn) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's key, expired or not. */
    public Optional<Stored> find(String user, String key) {
        return jdbc.sql("SELECT fingerprint, record_id, created_on, expires_on FROM idempotency_key"
                        + " WHERE user_name = :user AND idempotency_key = :key")
                .param("user", user)
                .param("key", key)
                .query((row, number) -> new Stored(row.getString(1), row.getLong(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(), row.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    public void insert(String user, String key, Stored stored) {
        jdbc.sql("INSERT INTO idempotency_key (user_name, idempotency_key, fingerprint, record_id, created_on, expires_on)"
                        + " VALUES (:user, :key, :fingerprint, :record, :created, :expires)")
                .param("user", user)
                .param("key", key)
                .param("fingerprint", stored.fingerprint())
                .param("record", stored.recordId())
                .param("created", stored.createdOn().atOffset(ZoneOffset.UTC))
                .param("expires", stored.expiresOn().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Forgets one key, found expired, so that it can be used anew. */
    public void forget(String user, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE user_name = :user AND idempotency_key = :key")
                .param("user", user)
                .param("key", key)
                .update();
    }

    /** Forgets every key expired at this time. @return how many */
    public int sweep(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_on <= :now").param("now", now.atOffset(ZoneOffset.UTC)).update();
    }
}
