package io.emailaccounts.server.limits;

import java.time.Duration;

/**
 * A client must wait before trying again; answered 429 with {@code Retry-After} and the limit's {@link Allowance}
 * ({@code RateLimit-Policy}, {@code RateLimit}).
 */
public class TooManyRequestsException extends RuntimeException {

    private final Allowance allowance;

    /** @param allowance the limit's state: none remaining, and the time until the next request is allowed */
    public TooManyRequestsException(String message, Allowance allowance) {
        super(message, null, false, false);
        this.allowance = allowance;
    }

    /** The time until the next request is allowed. */
    public Duration retryAfter() {
        return allowance.untilMore();
    }

    public Allowance allowance() {
        return allowance;
    }
}
