package io.emailaccounts.server.support.logging;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prints what was logged during a test, or during a test class's set-up, when it failed; drops it when it passed
 * (registered for every test of the module through junit-platform.properties and META-INF/services).
 */
public class PrintLogOnFailure implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        report(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        report(context);
    }

    private static void report(ExtensionContext context) {
        String log = TestLog.take();
        if (context.getExecutionException().isPresent() && !log.isEmpty()) {
            System.out.println("---- The log of " + context.getDisplayName() + ", which failed ----");
            System.out.print(log);
            System.out.println("---- End of the log of " + context.getDisplayName() + " ----");
        }
    }
}
