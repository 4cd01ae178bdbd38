package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

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
                new LoginThrottle(10, 100, Duration.ofMinutes(5), new UnreachableFailureLog()));

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin@example.com", "secret")))
                .isInstanceOf(InternalAuthenticationServiceException.class)
                .satisfies(failure -> assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue());
    }

    @Test
    void shouldLetAnyOtherFailureOfTheThrottleThrough() {
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(PASSWORDS,
                new LoginThrottle(10, 100, Duration.ofMinutes(5), new BrokenFailureLog()));

        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin@example.com", "secret")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static final class UnreachableFailureLog implements FailureLog {

        @Override
        public Optional<Duration> refusedFor(String key, int max) {
            throw new DataAccessResourceFailureException("Connection refused");
        }

        @Override
        public int record(String key, int max) {
            throw new DataAccessResourceFailureException("Connection refused");
        }

        @Override
        public void forget(String key) {
            throw new DataAccessResourceFailureException("Connection refused");
        }
    }

    private static final class BrokenFailureLog implements FailureLog {

        @Override
        public Optional<Duration> refusedFor(String key, int max) {
            throw new IllegalStateException("a bug");
        }

        @Override
        public int record(String key, int max) {
            throw new IllegalStateException("a bug");
        }

        @Override
        public void forget(String key) {
            throw new IllegalStateException("a bug");
        }
    }
}
