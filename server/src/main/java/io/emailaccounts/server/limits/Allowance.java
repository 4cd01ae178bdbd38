package io.emailaccounts.server.limits;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What one limit allows a client at the moment of an answer, as the fields {@code RateLimit-Policy} and
 * {@code RateLimit} of draft-ietf-httpapi-ratelimit-headers state it: the policy (its name, its quota of requests per
 * window) and the client's state under it (the requests that remain, the seconds until more are available).
 *
 * <pre>{@code
 * RateLimit-Policy: "writes";q=600;w=60
 * RateLimit: "writes";r=597;t=1
 * }</pre>
 *
 * @param policy    the policy's name ({@code writes}, {@code token-requests}, {@code failed-sign-ins}, ...):
 *                  lower-case letters and hyphens, sent as the draft's String item
 * @param quota     the requests the policy allows per window
 * @param window    the window
 * @param remaining the requests that remain now
 * @param untilMore the time until at least one more request is available; zero when the whole quota remains
 */
public record Allowance(String policy, long quota, Duration window, long remaining, Duration untilMore) {

    /** The field that names the policy and its quota. */
    public static final String POLICY_FIELD = "RateLimit-Policy";
    /** The field that gives what remains of it. */
    public static final String FIELD = "RateLimit";
    /** A policy's name: checked once per answer, so compiled once. */
    private static final Pattern POLICY_NAME = Pattern.compile("[a-z][a-z-]*");

    public Allowance {
        if (!POLICY_NAME.matcher(policy).matches()) {
            throw new IllegalArgumentException("a policy's name is lower-case letters and hyphens: " + policy);
        }
    }

    /** {@code "writes";q=600;w=60}. */
    public String policyField() {
        return '"' + policy + "\";q=" + quota + ";w=" + Math.max(1, window.toSeconds());
    }

    /** {@code "writes";r=597;t=1}. */
    public String field() {
        return '"' + policy + "\";r=" + remaining + ";t=" + untilMoreSeconds();
    }

    /**
     * The whole seconds until one more, rounded up so that a client that waits that long finds one more; with none
     * remaining at least 1: a refusal's {@code Retry-After} and {@code t} alike.
     */
    public long untilMoreSeconds() {
        long seconds = secondsRoundedUp(untilMore);
        return remaining == 0 ? Math.max(1, seconds) : seconds;
    }

    /** Whole seconds, rounded up: a client that waits that long is not early. */
    private static long secondsRoundedUp(Duration duration) {
        return duration.isNegative() ? 0 : duration.plusNanos(999_999_999).toSeconds();
    }
}
