package io.emailaccounts.server.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/** Every slot for a full password check stayed busy (see {@link VerifiedPasswordCache}): answered 503 with Retry-After. */
public class PasswordChecksBusyException extends AuthenticationServiceException {

    /** How long a client should wait before it tries again, in seconds. */
    public static final long RETRY_AFTER_SECONDS = 1;

    public PasswordChecksBusyException() {
        super("Too many sign-ins are being checked at once: try again in a moment.");
    }
}
