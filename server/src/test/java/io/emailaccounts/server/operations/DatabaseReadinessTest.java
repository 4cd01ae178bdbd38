package io.emailaccounts.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import io.emailaccounts.server.support.logging.TestLog;

/** Readiness follows the database, each probe bounded, each change said once in the log. */
class DatabaseReadinessTest {

    private final DataSource dataSource = mock(DataSource.class);
    private final Connection connection = mock(Connection.class);
    private final DatabaseReadiness readiness = new DatabaseReadiness(dataSource);

    @Test
    void shouldBeUpWhileTheDatabaseAnswersItsBoundedCheck() throws SQLException {
        answering(true);

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        verify(connection).isValid(DatabaseReadiness.CHECK_SECONDS);
        verify(connection).close();
    }

    @Test
    void shouldBeDownWhenTheDatabaseIsSilentOrRefuses() throws SQLException {
        answering(false);
        assertThat(readiness.health().getStatus()).as("no answer within the check's bound").isEqualTo(Status.DOWN);

        when(dataSource.getConnection()).thenThrow(new SQLTransientConnectionException("Connection is not available"));
        assertThat(readiness.health().getStatus()).as("no connection within the pool's timeout").isEqualTo(Status.DOWN);
    }

    @Test
    void shouldSayOnceThatTheDatabaseWentAwayAndOnceThatItCameBack() throws SQLException {
        answering(true);
        readiness.health();
        answering(false);
        readiness.health();
        readiness.health();
        readiness.health();
        answering(true);
        readiness.health();
        readiness.health();

        String log = TestLog.text();
        assertThat(log.split("The database does not answer", -1)).hasSize(2);
        assertThat(log.split("The database answers again", -1)).hasSize(2);
        assertThat(log).doesNotContain("\tat ");
    }

    private void answering(boolean answers) throws SQLException {
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.isValid(DatabaseReadiness.CHECK_SECONDS)).thenReturn(answers);
    }
}
