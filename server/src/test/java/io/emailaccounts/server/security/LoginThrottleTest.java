package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

class LoginThrottleTest {

    /** Time that moves only when the test says so. */
    private static final class ManualTicker implements Ticker {
        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long read() {
            return nanos;
        }
    }

    private final ManualTicker ticker = new ManualTicker();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), ticker);

    private Duration retryAfter(String username) {
        LoginThrottledException refused = catchThrowableOfType(LoginThrottledException.class, () -> throttle.checkAllowed(username));
        assertThat(refused).as("sign-in of %s is refused", username).isNotNull();
        return refused.retryAfter();
    }

    private void allowed(String username) {
        assertThatCode(() -> throttle.checkAllowed(username)).as("sign-in of %s is allowed", username).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseSignInsOnceTheFailuresAreUsedUp() {
        throttle.failed("ann");
        ticker.advance(Duration.ofMinutes(1));
        throttle.failed("ann");
        allowed("ann");
        ticker.advance(Duration.ofMinutes(1));
        throttle.failed("ann");

        // Until the first failure is five minutes old.
        assertThat(retryAfter("ann")).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void shouldSlideTheWindow() {
        throttle.failed("ann");
        ticker.advance(Duration.ofMinutes(2));
        throttle.failed("ann");
        throttle.failed("ann");
        ticker.advance(Duration.ofMinutes(3));

        allowed("ann");
        throttle.failed("ann");
        assertThat(retryAfter("ann")).isEqualTo(Duration.ofMinutes(2));

        ticker.advance(Duration.ofMinutes(2));
        allowed("ann");
    }

    @Test
    void shouldForgetFailuresAfterASuccess() {
        throttle.failed("ann");
        throttle.failed("ann");
        throttle.succeeded("ann");
        throttle.failed("ann");
        throttle.failed("ann");

        allowed("ann");
    }

    @Test
    void shouldCountNamesWithoutCaseAndEachNameApart() {
        throttle.failed("Ann@Example.com");
        throttle.failed("ann@example.com");
        throttle.failed("ANN@EXAMPLE.COM");

        assertThat(retryAfter("ann@example.com")).isEqualTo(Duration.ofMinutes(5));
        allowed("bob@example.com");
    }
}
