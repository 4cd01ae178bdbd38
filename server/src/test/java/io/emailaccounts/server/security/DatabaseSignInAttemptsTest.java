package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.emailaccounts.server.support.MovingClock;

/**
 * The failed sign-ins replicas share, in the database: a key found without failures is not asked about again for a
 * moment (a user signing in with every request costs no query each time), what this replica records counts at once,
 * and what another replica records counts here within that moment.
 */
class DatabaseSignInAttemptsTest {

    private static final String KEY = "name:someone@example.com address:10.0.0.1";

    private final SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final MovingClock clock = new MovingClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final DatabaseSignInAttempts failures;

    DatabaseSignInAttemptsTest() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        failures = new DatabaseSignInAttempts(jdbc, new DataSourceTransactionManager(dataSource), Duration.ofMinutes(5), clock);
    }

    /** What another replica records: a row of its own, straight in the table. */
    private void failedOnAnotherReplica() {
        jdbc.sql("INSERT INTO login_failure (throttle_key, failed_at) VALUES (:key, :at)")
                .param("key", KEY).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    @Test
    void shouldCountWhatThisReplicaRecordsAtOnce() {
        assertThat(failures.refusedFor(KEY, 2)).isEmpty();

        assertThat(failures.record(KEY, 2)).isEqualTo(1);
        assertThat(failures.record(KEY, 2)).isEqualTo(2);
        assertThat(failures.refusedFor(KEY, 2)).contains(Duration.ofMinutes(5));
    }

    @Test
    void shouldSeeWhatAnotherReplicaRecordsWithinAMoment() {
        assertThat(failures.refusedFor(KEY, 1)).as("no failures yet: taken as such for a moment").isEmpty();
        failedOnAnotherReplica();

        assertThat(failures.refusedFor(KEY, 1)).as("within the moment").isEmpty();
        clock.advance(DatabaseSignInAttempts.CLEAN_FOR.plusMillis(1));
        assertThat(failures.refusedFor(KEY, 1)).as("after it").isPresent();
    }

    @Test
    void shouldForgetTheFailuresOfAKeyAfterASuccess() {
        failures.record(KEY, 3);
        failures.forget(KEY);
        clock.advance(DatabaseSignInAttempts.CLEAN_FOR.plusMillis(1));

        assertThat(failures.refusedFor(KEY, 1)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure").query(Long.class).single()).isZero();
    }

    /** A success is remembered for the window, in the database, where every replica sees it. */
    @Test
    void shouldRememberASuccessForTheWindowWhereEveryReplicaSeesIt() {
        assertThat(failures.succeededWithin(KEY)).isFalse();
        failures.succeeded(KEY);
        DatabaseSignInAttempts anotherReplica = new DatabaseSignInAttempts(jdbc, new DataSourceTransactionManager(dataSource),
                Duration.ofMinutes(5), clock);

        assertThat(anotherReplica.succeededWithin(KEY)).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(anotherReplica.succeededWithin(KEY)).isFalse();
    }

    /** A user signing in with every request (HTTP Basic) costs a write now and then, not one per request. */
    @Test
    void shouldWriteASuccessAtMostOncePerQuarterWindow() {
        failures.succeeded(KEY);
        clock.advance(Duration.ofMinutes(1));
        failures.succeeded(KEY);
        assertThat(succeededAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));

        clock.advance(Duration.ofSeconds(16));
        failures.succeeded(KEY);
        assertThat(succeededAt()).isEqualTo(Instant.parse("2025-03-01T12:01:16Z"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_success").query(Long.class).single()).isEqualTo(1);
    }

    private Instant succeededAt() {
        return jdbc.sql("SELECT succeeded_at FROM login_success WHERE throttle_key = :key").param("key", KEY)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }
}
