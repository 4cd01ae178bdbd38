package io.emailaccounts.server.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

import io.emailaccounts.server.limits.Allowance;

/**
 * Sign-ins are refused for a while after too many failures; answered 429 with {@code Retry-After} and the throttle's
 * {@link Allowance}.
 */
public class LoginThrottledException extends AuthenticationException {

    private final Allowance allowance;

    LoginThrottledException(Allowance allowance) {
        super("Too many failed sign-ins for this user name; try again later.");
        this.allowance = allowance;
    }

    public Duration retryAfter() {
        return allowance.untilMore();
    }

    public Allowance allowance() {
        return allowance;
    }
}
