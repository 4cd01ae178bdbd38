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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import io.emailaccounts.server.error.DatabaseUnavailable;

/** A sign-in whose throttle cannot reach its database is a service failure (503), not a wrong password or a 500. */
class ThrottledAuthenticationProviderTest {

    private static final AuthenticationProvider PASSWORDS = new TestingAuthenticationProvider();

    @Test
    void shouldReportAnUnreachableThrottleDatabaseAsAnAuthenticationServiceFailure() {
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(PASSWORDS,
                new LoginThrottle(10, 100, Duration.ofMinutes(5), new FailingFailureLog(() -> new DataAccessResourceFailureException("Connection refused"))));

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin@example.com", "secret")))
                .isInstanceOf(InternalAuthenticationServiceException.class)
                .satisfies(failure -> assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue());
    }

    @Test
    void shouldLetAnyOtherFailureOfTheThrottleThrough() {
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(PASSWORDS,
                new LoginThrottle(10, 100, Duration.ofMinutes(5), new FailingFailureLog(() -> new IllegalStateException("a bug"))));

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin@example.com", "secret")))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A failure log whose every call fails so. */
    private record FailingFailureLog(Supplier<RuntimeException> failure) implements FailureLog {

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
    }
}
