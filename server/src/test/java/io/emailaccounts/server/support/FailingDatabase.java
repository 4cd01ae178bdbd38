package io.emailaccounts.server.support;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

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

    /**
     * How the database fails: COMMIT_HELD holds every commit until another failure (or none) is set; KILLED_AFTER_COMMIT
     * (for a server process of its own, set with {@code -Dfailing-database=KILLED_AFTER_COMMIT}) kills the process with
     * SIGKILL right after a commit, once the file {@code -Dfailing-database.trigger} names exists: a write committed
     * whose answer is never sent.
     */
    public enum Failure { NONE, UNREACHABLE, COMMIT_LOST, COMMIT_HELD, KILLED_AFTER_COMMIT }

    private static volatile Failure failure = Failure.valueOf(System.getProperty("failing-database", "NONE"));
    private static final AtomicInteger HELD = new AtomicInteger();

    /** How many commits are being held now. */
    public static int heldCommits() {
        return HELD.get();
    }

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

    /** SIGKILL, as an operator's kill -9 or the kernel's out-of-memory killer would: no shutdown hook runs. */
    private static void killThisProcess() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        Thread.sleep(Long.MAX_VALUE);
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
                        if (failure == Failure.COMMIT_HELD && method.getName().equals("commit")) {
                            HELD.incrementAndGet();
                            try {
                                while (failure == Failure.COMMIT_HELD) {
                                    Thread.sleep(5);
                                }
                            } finally {
                                HELD.decrementAndGet();
                            }
                        }
                        if (failure == Failure.KILLED_AFTER_COMMIT && method.getName().equals("commit")) {
                            method.invoke(connection, arguments);
                            if (Files.exists(Path.of(System.getProperty("failing-database.trigger")))) {
                                killThisProcess();
                            }
                            return null;
                        }
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
