package io.emailaccounts.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is out of reach" (503), wherever they are wrapped, and which do not (500, 4xx). */
class DatabaseUnavailableTest {

    @Test
    void shouldRecogniseALostOrRefusedConnectionWhereverItIsWrapped() {
        assertThat(DatabaseUnavailable.isCauseOf(new CannotGetJdbcConnectionException("pool timeout"))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new CannotCreateTransactionException("cannot begin"))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(new SQLTransientConnectionException("timed out")))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException(new SQLException("I/O error", "08006")))).as("connection lost").isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("too many connections", "53300"))).isTrue();
    }

    @Test
    void shouldLeaveEveryOtherFailureAlone() {
        assertThat(DatabaseUnavailable.isCauseOf(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("a bug"))).isFalse();
    }
}
