package io.emailaccounts.server.config;

import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a database that cannot be reached, refuses the credentials, or (embedded) is already open in another process
 * into Spring Boot's short "APPLICATION FAILED TO START" report naming the database, instead of a long stack trace.
 * The database's address is shown without any credentials it may carry.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's "database may be already in use" (another process holds the file). */
    private static final String H2_DATABASE_ALREADY_OPEN = "90020";

    private final Environment environment;

    DatabaseUnavailableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null) {
            return null;
        }
        String database = withoutCredentials(environment.getProperty("spring.datasource.url", "(not set)"));
        if (state.startsWith("08")) {
            return new FailureAnalysis("The database at " + database + " cannot be reached: " + cause.getMessage() + why(cause),
                    "Start the database, or point spring.datasource.url (with spring.datasource.username and "
                            + "spring.datasource.password) at one that is running.", cause);
        }
        if (state.startsWith("28")) {
            return new FailureAnalysis("The database at " + database + " refused the sign-in: " + cause.getMessage(),
                    "Check spring.datasource.username and spring.datasource.password.", cause);
        }
        if (state.equals(H2_DATABASE_ALREADY_OPEN)) {
            return new FailureAnalysis("The embedded database " + database + " is open in another process.",
                    "Stop the other server using it (is this server already running?), or give this one its own "
                            + "spring.datasource.url.", cause);
        }
        return null;
    }

    /**
     * What lies under a driver's general message ("The connection attempt failed."): the unknown host, or the deepest
     * cause's message; empty when the message already says it all.
     */
    static String why(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest instanceof UnknownHostException unknown) {
                return " (no host is known by the name " + unknown.getMessage() + ")";
            }
        }
        String message = deepest.getMessage();
        return deepest == failure || message == null || String.valueOf(failure.getMessage()).contains(message)
                ? "" : " (" + message + ")";
    }

    /** The URL up to its options (which may hold a password), without any user:password@ part. */
    static String withoutCredentials(String url) {
        int options = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = url.indexOf(separator);
            if (at >= 0) {
                options = Math.min(options, at);
            }
        }
        return url.substring(0, options).replaceFirst("//[^/@]*@", "//");
    }
}
