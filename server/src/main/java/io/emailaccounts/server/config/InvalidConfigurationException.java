package io.emailaccounts.server.config;

/** The server's configuration cannot work; start-up stops with this message instead of a stack trace. */
public class InvalidConfigurationException extends RuntimeException {

    private static final String CHECK_SETTINGS = "Fix the emailaccounts.* settings (application.yaml, environment variables "
            + "or --flags); the guide Configuration lists them (api/guides/80-configuration.md, published at /docs/guides/configuration.html).";

    private final String action;

    public InvalidConfigurationException(String message) {
        this(message, CHECK_SETTINGS);
    }

    /** @param action what the operator should do about it */
    public InvalidConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
