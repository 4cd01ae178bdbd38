package io.emailaccounts.server.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database (stopped, restarting, unreachable, out of connections) from every other
 * failure, wherever it was raised: in a repository (Spring's translated exceptions), in the transaction manager, or
 * wrapped by a library (the write limit's and the sign-in throttle's database stores) around the driver's own
 * {@link SQLException}. Such a failure is answered 503 with {@code Retry-After}: the same request can succeed once the
 * database is back, which a 500 would not tell a client.
 */
public final class DatabaseUnavailable {

    /** SQLSTATE classes of a lost or refused connection, a server shutting down, or exhausted server resources. */
    private static final String[] CONNECTION_CLASSES = {"08", "53", "57"};

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or one of its causes, is the database being out of reach. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        for (String connectionClass : CONNECTION_CLASSES) {
            if (sqlState.startsWith(connectionClass)) {
                return true;
            }
        }
        return false;
    }
}
