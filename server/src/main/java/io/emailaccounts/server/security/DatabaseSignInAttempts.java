package io.emailaccounts.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed sign-ins in the table {@code login_failure}: every replica on one PostgreSQL database counts the same
 * failures, and a restart forgets none. Each question is one statement; rows older than the window are deleted as the
 * key fails again, and all expired rows now and then. A failure is committed on its own, whatever becomes of the
 * transaction the sign-in happens in (the token endpoint's is rolled back when the password is wrong).
 *
 * <p>A key found without failures is taken as such for {@link #CLEAN_FOR} without asking the database again, so that a
 * user signing in with every request (HTTP Basic) costs no query per request; a failure this replica records ends that
 * at once. A failure recorded by another replica is seen here at most that long after: the throttle starts that much
 * later on this replica, which the guide Operations states.
 */
final class DatabaseSignInAttempts implements SignInAttempts {

    /** Every this many failures, the expired rows of every key are deleted. */
    private static final long SWEEP_EVERY = 1_000;
    /** How long a key found without failures is taken as such. */
    static final Duration CLEAN_FOR = Duration.ofSeconds(1);
    /** Bounds memory when many different names sign in. */
    private static final long MAX_CLEAN_KEYS = 100_000;

    private final JdbcClient jdbc;
    private final Duration window;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final AtomicLong recorded = new AtomicLong();
    /** The keys found without failures within {@link #CLEAN_FOR}. */
    private final Cache<String, Boolean> clean;
    /** The keys whose success this replica wrote within a quarter of the window: not written again before. */
    private final Cache<String, Boolean> successWritten;

    DatabaseSignInAttempts(JdbcClient jdbc, PlatformTransactionManager transactions, Duration window, Clock clock) {
        this.jdbc = jdbc;
        this.window = window;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clean = Caffeine.newBuilder().expireAfterWrite(CLEAN_FOR).maximumSize(MAX_CLEAN_KEYS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
        this.successWritten = Caffeine.newBuilder().expireAfterWrite(window.dividedBy(4)).maximumSize(MAX_CLEAN_KEYS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    @Override
    public Optional<Duration> refusedFor(String key, int max) {
        if (clean.getIfPresent(key) != null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // The newest max failures in the window: when there are max, attempts wait for the oldest of them to leave it.
        List<OffsetDateTime> newest = jdbc.sql("SELECT failed_at FROM login_failure WHERE throttle_key = :key AND failed_at > :since "
                        + "ORDER BY failed_at DESC LIMIT :max")
                .param("key", key).param("since", utc(now.minus(window))).param("max", max)
                .query(OffsetDateTime.class).list();
        if (newest.isEmpty()) {
            clean.put(key, Boolean.TRUE);
        }
        if (newest.size() < max) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, newest.get(newest.size() - 1).toInstant().plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    @Override
    public int record(String key, int max) {
        clean.invalidate(key);
        return ownTransaction.execute(status -> recordNow(key, max));
    }

    private int recordNow(String key, int max) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :key AND failed_at <= :since")
                .param("key", key).param("since", utc(now.minus(window))).update();
        jdbc.sql("INSERT INTO login_failure (throttle_key, failed_at) VALUES (:key, :now)")
                .param("key", key).param("now", utc(now)).update();
        if (recorded.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbc.sql("DELETE FROM login_failure WHERE failed_at <= :since").param("since", utc(now.minus(window))).update();
            jdbc.sql("DELETE FROM login_success WHERE succeeded_at <= :since").param("since", utc(now.minus(window))).update();
        }
        long count = jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE throttle_key = :key AND failed_at > :since")
                .param("key", key).param("since", utc(now.minus(window))).query(Long.class).single();
        return (int) Math.min(count, max);
    }

    @Override
    public void forget(String key) {
        // A key found without failures a moment ago has nothing to forget.
        if (clean.getIfPresent(key) == null) {
            ownTransaction.executeWithoutResult(status ->
                    jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :key").param("key", key).update());
            clean.put(key, Boolean.TRUE);
        }
    }

    /**
     * Writes the success when this replica has not within a quarter of the window, so that a user signing in with
     * every request (HTTP Basic) costs a write now and then, and the success stays within the window while it signs in.
     */
    @Override
    public void succeeded(String key) {
        if (successWritten.getIfPresent(key) != null) {
            return;
        }
        OffsetDateTime now = utc(clock.instant());
        try {
            ownTransaction.executeWithoutResult(status -> {
                int updated = jdbc.sql("UPDATE login_success SET succeeded_at = :now WHERE throttle_key = :key")
                        .param("key", key).param("now", now).update();
                if (updated == 0) {
                    jdbc.sql("INSERT INTO login_success (throttle_key, succeeded_at) VALUES (:key, :now)")
                            .param("key", key).param("now", now).update();
                }
            });
        } catch (DuplicateKeyException insertedByAnotherReplica) {
            // Another replica wrote the same success at the same moment: it is written.
        }
        successWritten.put(key, Boolean.TRUE);
    }

    @Override
    public boolean succeededWithin(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM login_success WHERE throttle_key = :key AND succeeded_at > :since")
                .param("key", key).param("since", utc(clock.instant().minus(window))).query(Long.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
