package io.emailaccounts.server.operations;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} part of {@code /actuator/health/readiness}: UP while the database answers a check within
 * {@value #CHECK_SECONDS} s, DOWN otherwise, so that the probe itself answers promptly (at most the pool's
 * connection-timeout, 2 s, plus this check) whether the database refuses connections, has gone silent (a partition) or
 * is back. It replaces Spring Boot's indicator, whose check has no bound of its own and, on a silent database, held the
 * probe past a balancer's check timeout; and which logged a stack trace at every failed probe, twice a second per
 * replica, where this one says once that the database went out of reach and once that it is back.
 */
@Component("dbHealthIndicator")
class DatabaseReadiness implements HealthIndicator {

    static final int CHECK_SECONDS = 1;

    private static final Logger log = LoggerFactory.getLogger(DatabaseReadiness.class);

    private final DataSource dataSource;
    private volatile boolean reachable = true;

    DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        String failure = check();
        if (failure == null) {
            if (!reachable) {
                log.info("The database answers again: ready");
            }
            reachable = true;
            return Health.up().build();
        }
        if (reachable) {
            log.warn("The database does not answer ({}): not ready until it does", failure);
        }
        reachable = false;
        return Health.down().build();
    }

    /** Null when the database answered in time; else what went wrong, in a line. */
    private String check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CHECK_SECONDS) ? null : "no answer to a check within " + CHECK_SECONDS + " s";
        } catch (SQLException | RuntimeException e) {
            return e.getMessage();
        }
    }
}
