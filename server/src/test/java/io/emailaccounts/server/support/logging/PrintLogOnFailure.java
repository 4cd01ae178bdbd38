package io.emailaccounts.server.support.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Prints what was logged during a test, or during a test class's set-up, when it failed, with the failure's stack
 * trace; drops the log when it passed or was skipped (registered for every test of the module through junit-platform.properties and
 * META-INF/services).
 */
public class PrintLogOnFailure implements AfterEachCallback, AfterAllCallback {

    private static final Pattern RUNNER_FRAME = Pattern.compile(
            "^\\s+at (java\\.base/)?(org\\.junit\\.|org\\.apache\\.maven\\.surefire\\.|jdk\\.internal\\.reflect\\.|java\\.lang\\.reflect\\.)");

    @Override
    public void afterEach(ExtensionContext context) {
        report(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        report(context);
    }

    /** The stack trace, its causes included, without the frames of JUnit, Surefire and reflection that run the test. */
    static String withoutTestRunnerFrames(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString().lines()
                .filter(line -> !RUNNER_FRAME.matcher(line).find())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void report(ExtensionContext context) {
        String log = TestLog.take();
        // A skipped test (an assumption not met, such as a test that needs PostgreSQL) did not fail.
        context.getExecutionException().filter(failure -> !(failure instanceof TestAbortedException)).ifPresent(failure -> {
            System.out.println("---- " + context.getDisplayName() + " failed; what the server logged while it ran ----");
            System.out.print(log.isEmpty() ? "(nothing)\n" : log);
            System.out.println("---- and how it failed ----");
            System.out.print(withoutTestRunnerFrames(failure));
            System.out.println("---- end of " + context.getDisplayName() + " ----");
        });
    }
}
