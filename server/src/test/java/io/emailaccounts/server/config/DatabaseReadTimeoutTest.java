package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/** The pool's PostgreSQL connections give up on a silent server; migrations do not. */
class DatabaseReadTimeoutTest {

    private static final String POSTGRESQL = "jdbc:postgresql://db:5432/emailaccounts";

    private final DatabaseReadTimeout readTimeout = new DatabaseReadTimeout();

    @Test
    void shouldBoundEveryReadOfThePoolsPostgresqlConnections() {
        HikariDataSource pool = pool(POSTGRESQL);

        readTimeout.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "5");
    }

    @Test
    void shouldKeepTheBoundAnOperatorSet() {
        HikariDataSource inUrl = pool(POSTGRESQL + "?socketTimeout=30");
        HikariDataSource inProperties = pool(POSTGRESQL);
        inProperties.addDataSourceProperty("socketTimeout", "30");

        readTimeout.postProcessBeforeInitialization(inUrl, "dataSource");
        readTimeout.postProcessBeforeInitialization(inProperties, "dataSource");

        assertThat(inUrl.getDataSourceProperties()).doesNotContainKey("socketTimeout");
        assertThat(inProperties.getDataSourceProperties()).containsEntry("socketTimeout", "30");
    }

    @Test
    void shouldLeaveOtherDatabasesAlone() {
        HikariDataSource embedded = pool("jdbc:h2:file:./data/emailaccounts;WRITE_DELAY=0");

        readTimeout.postProcessBeforeInitialization(embedded, "dataSource");
        FluentConfiguration migrations = Flyway.configure().dataSource(embedded);
        readTimeout.customize(migrations);

        assertThat(embedded.getDataSourceProperties()).isEmpty();
        assertThat(migrations.getDataSource()).isSameAs(embedded);
    }

    @Test
    void shouldMigrateOnAConnectionOfItsOwnWithTheSameSettingsButNoBound() {
        assertMigratesWithoutTheBound(pool -> pool);
    }

    @Test
    void shouldFindThePoolBehindTheProxyThatObservesItsCalls() {
        // As datasource-micrometer wraps the pool, to make a span of each database call.
        assertMigratesWithoutTheBound(pool -> ProxyDataSourceBuilder.create(pool).build());
    }

    private void assertMigratesWithoutTheBound(java.util.function.UnaryOperator<javax.sql.DataSource> wrapped) {
        HikariDataSource pool = pool(POSTGRESQL + "?sslmode=require");
        pool.setUsername("emailaccounts");
        pool.setPassword("database-secret");
        pool.addDataSourceProperty("ApplicationName", "emailaccounts");
        readTimeout.postProcessBeforeInitialization(pool, "dataSource");
        FluentConfiguration migrations = Flyway.configure().dataSource(wrapped.apply(pool));

        readTimeout.customize(migrations);

        assertThat(migrations.getDataSource()).isNotSameAs(pool);
        assertThat(migrations.getUrl()).isEqualTo(POSTGRESQL + "?sslmode=require");
        assertThat(migrations.getUser()).isEqualTo("emailaccounts");
        assertThat(migrations.getPassword()).isEqualTo("database-secret");
        assertThat(migrations.getJdbcProperties()).containsEntry("ApplicationName", "emailaccounts").doesNotContainKey("socketTimeout");
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
