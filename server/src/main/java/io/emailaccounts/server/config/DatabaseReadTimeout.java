package io.emailaccounts.server.config;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A PostgreSQL server that stops answering without closing its connections (a network partition, a paused host or
 * virtual machine) would hold a request, the group commit and the readiness probe for as long as the operating system
 * keeps a silent connection open: many minutes. The pool's connections therefore give up waiting for an answer after
 * {@value #SECONDS} s (pgjdbc's {@code socketTimeout}); the connection is dropped, and the request is answered 503 with
 * {@code Retry-After} (a commit that was under way: 503, outcome unknown). The longest statement the server sends is a
 * page of a search, milliseconds; an operator sets another bound with {@code socketTimeout=N} in the URL or in
 * {@code spring.datasource.hikari.data-source-properties}.
 * <p>
 * The other waits are bounded already: a connection from the pool, its check and a new session's sign-in by the pool's
 * {@code connection-timeout} (2 s, which the pool also hands the driver as its login timeout).
 * <p>
 * Migrations may rightly run for minutes (an index built over a large table): they get a connection of their own,
 * with the same URL, user, password and driver properties but without the bound, unless the URL itself sets one.
 */
@Component
final class DatabaseReadTimeout implements BeanPostProcessor, FlywayConfigurationCustomizer {

    static final int SECONDS = 5;

    private static final String SOCKET_TIMEOUT = "socketTimeout";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && isPostgresql(pool) && !setByOperator(pool)) {
            pool.addDataSourceProperty(SOCKET_TIMEOUT, Integer.toString(SECONDS));
        }
        return bean;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        HikariDataSource pool = hikariBehind(configuration.getDataSource());
        if (pool != null && isPostgresql(pool) && pool.getDataSourceProperties().containsKey(SOCKET_TIMEOUT)) {
            Properties driver = new Properties();
            driver.putAll(pool.getDataSourceProperties());
            driver.remove(SOCKET_TIMEOUT);
            configuration.jdbcProperties(toMap(driver))
                    .dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
    }

    /** The pool itself, or behind the proxy that observes its calls (the database's spans); null for another source. */
    static HikariDataSource hikariBehind(DataSource source) {
        try {
            return source != null && source.isWrapperFor(HikariDataSource.class) ? source.unwrap(HikariDataSource.class) : null;
        } catch (SQLException notAWrapper) {
            return null;
        }
    }

    private static boolean isPostgresql(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    private static boolean setByOperator(HikariDataSource pool) {
        return pool.getJdbcUrl().contains(SOCKET_TIMEOUT + "=") || pool.getDataSourceProperties().containsKey(SOCKET_TIMEOUT);
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
