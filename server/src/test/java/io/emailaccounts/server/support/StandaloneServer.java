package io.emailaccounts.server.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.emailaccounts.server.EmailAccountsServerApplication;

/**
 * A server of a test's own, outside the shared test context (for tests that break it or hammer it): a free port, no
 * demo data, the test keys, and the administrator of {@link RunningServerTest}. The database is the caller's choice.
 */
public final class StandaloneServer {

    private StandaloneServer() {
    }

    /**
     * @param settings more command-line settings, such as {@code --spring.datasource.url=...}; one that names a
     *                 setting given here by default ({@code --server.port=...}) replaces it
     */
    public static ConfigurableApplicationContext start(String... settings) {
        List<String> defaults = new ArrayList<>(List.of(
                "--server.port=0",
                "--emailaccounts.demo-data=false",
                "--emailaccounts.security.token-signing-key=" + RunningServerTest.TOKEN_SIGNING_KEY,
                "--emailaccounts.secrets.encryption-key=" + RunningServerTest.ENCRYPTION_KEY,
                "--emailaccounts.users[0].username=" + RunningServerTest.ADMIN,
                "--emailaccounts.users[0].password=" + StoredPasswords.bcrypt(RunningServerTest.ADMIN_PASSWORD),
                "--emailaccounts.users[0].administrator=true"));
        List<String> arguments = new ArrayList<>(List.of(settings));
        defaults.stream().filter(setting -> arguments.stream().noneMatch(given -> given.startsWith(setting.substring(0, setting.indexOf('=') + 1))))
                .forEach(arguments::add);
        return SpringApplication.run(EmailAccountsServerApplication.class, arguments.toArray(String[]::new));
    }

    /** HTTP to the server as its administrator. */
    public static RawHttp asAdmin(ConfigurableApplicationContext server) {
        return http(server).basicAuth(RunningServerTest.ADMIN, RunningServerTest.ADMIN_PASSWORD);
    }

    /** HTTP to the server, without credentials. */
    public static RawHttp http(ConfigurableApplicationContext server) {
        return new RawHttp("http://localhost:" + server.getEnvironment().getProperty("local.server.port"));
    }
}
