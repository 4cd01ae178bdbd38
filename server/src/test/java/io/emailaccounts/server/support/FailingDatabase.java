package io.emailaccounts.server.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Added to a test server ({@code --spring.main.sources=} this class), makes its database fail on demand as a lost
 * database does: no connection to be had, or a commit whose connection breaks before the database answers.
 */
@Configuration(proxyBeanMethods = false)
public class FailingDatabase {

    public enum Failure { NONE, UNREACHABLE, COMMIT_LOST }

    private static volatile Failure failure = Failure.NONE;

    /** From now on, every server started with this class fails so. */
    public static void failing(Failure next) {
        failure = next;
    }

    @Bean
    static BeanPostProcessor failingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Failing) ? new Failing(dataSource) : bean;
            }
        };
    }

    private static final class Failing extends DelegatingDataSource {

        Failing(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (failure == Failure.UNREACHABLE) {
                throw new SQLTransientConnectionException("Connection refused (the test's unreachable database)", "08001");
            }
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (failure == Failure.COMMIT_LOST && method.getName().equals("commit")) {
                            connection.rollback();
                            throw new SQLException("An I/O error occurred while sending to the backend (the test's)", "08006");
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
