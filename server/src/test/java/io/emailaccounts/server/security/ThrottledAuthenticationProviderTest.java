package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.TestingAuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import io.emailaccounts.server.error.DatabaseUnavailable;

/** A sign-in whose throttle cannot reach its database is a service failure (503), not a wrong password or a 500. */
class ThrottledAuthenticationProviderTest {

    private static final AuthenticationProvider PASSWORDS = new TestingAuthenticationProvider();
    private static final UserNames NAMES = new UserNames(255);

    /** A name longer than any user's is refused as a wrong one, before the throttle or the passwords are asked. */
    @Test
    void shouldRefuseANameLongerThanAnyUsersBeforeAskingAnything() {
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(PASSWORDS,
                new LoginThrottle(10, 100, 100, Duration.ofMinutes(5), new FailingSignInAttempts(() -> new IllegalStateException("asked"))), NAMES,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("a".repeat(256), "secret")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void shouldReportAnUnreachableThrottleDatabaseAsAnAuthenticationServiceFailure() {
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(PASSWORDS,
                new LoginThrottle(10, 100, 100, Duration.ofMinutes(5), new FailingSignInAttempts(() -> new DataAccessResourceFailureException("Connection refused"))), NAMES,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin@example.com", "secret")))
                .isInstanceOf(InternalAuthenticationServiceException.class)
                .satisfies(failure -> assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue());
    }

    @Test
    void shouldLetAnyOtherFailureOfTheThrottleThrough() {
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(PASSWORDS,
                new LoginThrottle(10, 100, 100, Duration.ofMinutes(5), new FailingSignInAttempts(() -> new IllegalStateException("a bug"))), NAMES,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin@example.com", "secret")))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A failure log whose every call fails so. */
    private record FailingSignInAttempts(Supplier<RuntimeException> failure) implements SignInAttempts {

        @Override
        public Optional<Duration> refusedFor(String key, int max) {
            throw failure.get();
        }

        @Override
        public int record(String key, int max) {
            throw failure.get();
        }

        @Override
        public void forget(String key) {
            throw failure.get();
        }

        @Override
        public void succeeded(String key) {
            throw failure.get();
        }

        @Override
        public boolean succeededWithin(String key) {
            throw failure.get();
        }
    }
}
