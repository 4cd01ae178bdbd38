package io.emailaccounts.server.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.emailaccounts.server.error.DatabaseUnavailable;
import io.emailaccounts.server.limits.RateLimit;

/** Password sign-in (HTTP Basic and the token endpoint's password grant) under the {@link LoginThrottle}, per user name and client address. */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Every password sign-in refused for its credentials ({@code emailaccounts_sign_in_failures_total}). */
    private final Counter signInFailures;
    /** Password sign-ins refused by the throttle ({@code emailaccounts_limit_refusals_total{limit="sign-in"}}). */
    private final Counter throttled;

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final UserNames userNames;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, UserNames userNames,
                                    MeterRegistry meters) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.userNames = userNames;
        this.signInFailures = Counter.builder("emailaccounts.sign.in.failures")
                .description("Password sign-ins (HTTP Basic, the token endpoint's password grant) refused for their credentials")
                .register(meters);
        this.throttled = RateLimit.refusalsOf("sign-in", meters);
    }

    /**
     * @throws InternalAuthenticationServiceException when the throttle's database is out of reach (answered 503, as
     *                                                every request that needs the database then is)
     */
    @Override
    public Authentication authenticate(Authentication attempt) {
        try {
            return throttled(attempt);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                throw new InternalAuthenticationServiceException("The sign-in throttle's database is out of reach", e);
            }
            throw e;
        }
    }

    private Authentication throttled(Authentication attempt) {
        String username = attempt.getName();
        if (userNames.tooLong(username)) {
            // No user has such a name: refused before anything is looked up or stored under it.
            signInFailures.increment();
            throw new BadCredentialsException("The user name is longer than any user's");
        }
        String address = ClientAddress.of(attempt);
        try {
            throttle.checkAllowed(username, address);
        } catch (LoginThrottledException refused) {
            throttled.increment();
            throw refused;
        }
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        } catch (BadCredentialsException e) {
            signInFailures.increment();
            throttle.failed(username, address);
            throw e;
        }
        throttle.succeeded(username, address);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
