package io.emailaccounts.server.config;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

import io.emailaccounts.server.error.DatabaseUnavailable;

/**
 * Tells the connection pool to drop a connection whose failure says the database was lost (a broken session, a server
 * that shut down), whatever the driver: such a connection never works again, and under steady traffic the pool would
 * otherwise hand it out again and again without checking it, so that the server would not recover when the database
 * comes back. Set as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return DatabaseUnavailable.isCauseOf(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
