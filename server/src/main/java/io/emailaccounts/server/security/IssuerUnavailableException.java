package io.emailaccounts.server.security;

import java.time.Duration;

import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token of the organisation's issuer that could not be checked for now, though it may well be good: answered 503
 * with Retry-After. Either the issuer could not be reached for its configuration or its signing keys, or the token
 * names a key the server has not fetched yet and the keys were fetched too lately to be fetched again at once.
 */
public class IssuerUnavailableException extends JwtException {

    /** How long a client should wait, after the issuer could not be reached, before it tries again, in seconds. */
    public static final long UNREACHABLE_RETRY_AFTER_SECONDS = 5;

    private final long retryAfterSeconds;

    private IssuerUnavailableException(String message, Throwable cause, long retryAfterSeconds) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @param cause the failure to fetch; null when none was tried (one failed a moment ago) */
    static IssuerUnavailableException unreachable(String issuer, Throwable cause) {
        return new IssuerUnavailableException("The token's issuer " + issuer + " could not be reached for its signing keys: "
                + "try again in a moment.", cause, UNREACHABLE_RETRY_AFTER_SECONDS);
    }

    /** @param wait how long until the keys may be fetched again */
    static IssuerUnavailableException keyNotYetFetched(String issuer, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new IssuerUnavailableException("The token is signed with a key of " + issuer + " that this server has not "
                + "fetched yet: try again in " + seconds + " s.", null, seconds);
    }

    /** How long a client should wait before it tries again, in whole seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
