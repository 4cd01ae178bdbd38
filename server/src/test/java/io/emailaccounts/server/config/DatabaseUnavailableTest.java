package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import io.emailaccounts.server.EmailAccountsServerApplication;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.logging.TestLog;
import io.emailaccounts.server.support.StoredPasswords;

/** A database the server cannot use at start-up is reported in a few lines that name it, never with its password. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableTest {

    private static ConfigurableApplicationContext start(String url, String password) {
        return SpringApplication.run(EmailAccountsServerApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=emailaccounts",
                "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.connection-timeout=1000",
                "--emailaccounts.security.token-signing-key=" + RunningServerTest.TOKEN_SIGNING_KEY,
                "--emailaccounts.secrets.encryption-key=" + RunningServerTest.ENCRYPTION_KEY,
                "--emailaccounts.users[0].username=" + RunningServerTest.ADMIN,
                "--emailaccounts.users[0].password=" + StoredPasswords.bcrypt(RunningServerTest.ADMIN_PASSWORD),
                "--emailaccounts.users[0].administrator=true");
    }

    @Test
    void shouldNameADatabaseThatCannotBeReached(CapturedOutput output) {
        // Port 1 on loopback: nothing listens there.
        Throwable failure = catchThrowable(() -> start("jdbc:postgresql://127.0.0.1:1/emailaccounts?password=url-secret",
                "password-secret"));

        assertThat(failure).isNotNull();
        assertThat((TestLog.text() + output.getAll()))
                .contains("APPLICATION FAILED TO START")
                .contains("The database at jdbc:postgresql://127.0.0.1:1/emailaccounts cannot be reached: Connection to 127.0.0.1:1 refused")
                .contains("Start the database, or point spring.datasource.url")
                .doesNotContain("url-secret").doesNotContain("password-secret");
    }

    /** Two processes are needed to lock H2 out (one JVM shares its open database), so the mapping is checked directly. */
    @Test
    void shouldNameAnEmbeddedDatabaseOpenInAnotherProcess() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/emailaccounts;AUTO_SERVER=FALSE;WRITE_DELAY=0");
        SQLException inUse = new SQLException("Database may be already in use: \"./data/emailaccounts.mv.db\"", "90020", 90020);

        FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer(environment)
                .analyze(new IllegalStateException("Flyway failed", inUse));

        assertThat(analysis.getDescription()).isEqualTo("The embedded database jdbc:h2:file:./data/emailaccounts is open in another process.");
        assertThat(analysis.getAction()).startsWith("Stop the other server using it (is this server already running?)");
    }

    /** The driver says only "The connection attempt failed."; the report names the host nobody knows. */
    @Test
    void shouldNameAnUnknownDatabaseHost() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.no-such-host.invalid:5432/emailaccounts");
        SQLException unreachable = new SQLException("The connection attempt failed.", "08001",
                new java.net.UnknownHostException("db.no-such-host.invalid"));

        FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer(environment)
                .analyze(new IllegalStateException("Flyway failed", unreachable));

        assertThat(analysis.getDescription()).isEqualTo("The database at jdbc:postgresql://db.no-such-host.invalid:5432/emailaccounts"
                + " cannot be reached: The connection attempt failed. (no host is known by the name db.no-such-host.invalid)");
    }

    @Test
    void shouldLeaveOtherDatabaseFailuresToTheDefaultReport() {
        SQLException syntax = new SQLException("Syntax error", "42000");

        assertThat(new DatabaseUnavailableFailureAnalyzer(new MockEnvironment()).analyze(syntax)).isNull();
    }

    @Test
    void shouldShowAnAddressWithoutTheCredentialsItCarries() {
        assertThat(DatabaseUnavailableFailureAnalyzer.withoutCredentials("jdbc:postgresql://u:p@db:5432/x?password=s&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(DatabaseUnavailableFailureAnalyzer.withoutCredentials("jdbc:h2:file:./data/x;PASSWORD=s"))
                .isEqualTo("jdbc:h2:file:./data/x");
    }
}
