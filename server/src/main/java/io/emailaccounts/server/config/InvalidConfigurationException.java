package io.emailaccounts.server.config;

/** The server's configuration cannot work; start-up stops with this message instead of a stack trace. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
