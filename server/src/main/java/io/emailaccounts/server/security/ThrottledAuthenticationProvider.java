package io.emailaccounts.server.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Password sign-in (HTTP Basic and the token endpoint's password grant) under the {@link LoginThrottle}. */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        throttle.checkAllowed(username);
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        } catch (BadCredentialsException e) {
            throttle.failed(username);
            throw e;
        }
        throttle.succeeded(username);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
