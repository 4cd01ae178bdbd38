package io.emailaccounts.server.security;

import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The organisation's issuer could not be asked for its configuration or its signing keys, so a token from it could
 * not be checked: answered 503 with Retry-After, as the token may well be good.
 */
public class IssuerUnavailableException extends JwtException {

    /** How long a client should wait before it tries again, in seconds. */
    public static final long RETRY_AFTER_SECONDS = 5;

    IssuerUnavailableException(String issuer, Throwable cause) {
        super("The token's issuer " + issuer + " could not be reached for its signing keys: try again in a moment.", cause);
    }
}
