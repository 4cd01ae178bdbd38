package io.emailaccounts.server.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-ins under a user name are refused for a while after too many failures; answered 429 with Retry-After. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins for this user name; try again later.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
