package io.emailaccounts.server.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A valid token from the organisation's issuer whose user is not an administrator and names no business: the user
 * may see and change nothing (403), rather than everything.
 */
public class TokenNamesNoBusinessException extends AuthenticationException {

    public TokenNamesNoBusinessException(String claim) {
        super("The access token names no business: its issuer must list the BusinessIds the user may see and change in "
                + "the claim '" + claim + "', or \"*\" for every business.");
    }
}
