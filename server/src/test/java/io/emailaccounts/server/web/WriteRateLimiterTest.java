package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

import io.emailaccounts.server.limits.Allowance;
import io.emailaccounts.server.limits.RateLimit;
import io.emailaccounts.server.limits.TooManyRequestsException;

class WriteRateLimiterTest {

    private static final String SETTING = "emailaccounts.rate-limit.writes-per-minute";

    /** Time that moves only when the test says so. */
    private static final class ManualTime implements TimeMeter {
        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();
    private final WriteRateLimiter limiter = new WriteRateLimiter(new RateLimit("writes", SETTING, 6, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

    private void writes(String user, int count) {
        for (int i = 0; i < count; i++) {
            limiter.acquire(user);
        }
    }

    @Test
    void shouldAllowTheLimitAtOnceAndRefuseTheNextWrite() {
        writes("ann", 6);

        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class, () -> limiter.acquire("ann"));

        // Six writes a minute come back one every ten seconds.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(refused.getMessage()).contains("at most 6 creates, updates and deletes per minute");
    }

    @Test
    void shouldGiveWritesBackEvenlyOverTheMinute() {
        writes("ann", 6);
        time.advance(Duration.ofSeconds(9));
        assertThat(catchThrowableOfType(TooManyRequestsException.class, () -> limiter.acquire("ann")).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));

        time.advance(Duration.ofSeconds(1));
        assertThatCode(() -> limiter.acquire("ann")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("ann")).isInstanceOf(TooManyRequestsException.class);

        time.advance(Duration.ofMinutes(5));
        assertThatCode(() -> writes("ann", 6)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("ann")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void shouldKeepOneAllowancePerUser() {
        writes("ann", 6);

        assertThatCode(() -> writes("bob", 6)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("ann")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void shouldTellWhatRemainsAndWhenOneMoreWriteIsAvailable() {
        assertThat(limiter.acquire("ann")).isEqualTo(new Allowance("writes", 6, Duration.ofMinutes(1), 5, Duration.ofSeconds(10)));
        time.advance(Duration.ofSeconds(4));
        Allowance second = limiter.acquire("ann");
        // Six writes a minute: one comes back every ten seconds, the next 6 s from now.
        assertThat(second.remaining()).isEqualTo(4);
        assertThat(second.untilMore()).isEqualTo(Duration.ofSeconds(6));
        assertThat(second.policyField()).isEqualTo("\"writes\";q=6;w=60");
        assertThat(second.field()).isEqualTo("\"writes\";r=4;t=6");

        writes("ann", 4);
        Allowance refused = catchThrowableOfType(TooManyRequestsException.class, () -> limiter.acquire("ann")).allowance();
        assertThat(refused.field()).as("none left; the next in 6 s, as Retry-After says").isEqualTo("\"writes\";r=0;t=6");
    }

    @Test
    void shouldRoundTheSecondsUntilMoreUpSoThatAClientIsNeverEarly() {
        assertThat(new Allowance("writes", 600, Duration.ofMinutes(1), 599, Duration.ofMillis(100)).field())
                .isEqualTo("\"writes\";r=599;t=1");
        assertThat(new Allowance("writes", 600, Duration.ofMinutes(1), 600, Duration.ZERO).field())
                .isEqualTo("\"writes\";r=600;t=0");
    }

    @Test
    void shouldRefuseALimitBelowOne() {
        assertThatThrownBy(() -> new WriteRateLimiter(new RateLimit("writes", SETTING, 0, time, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())))
                .hasMessageContaining("emailaccounts.rate-limit.writes-per-minute must be at least 1");
    }
}
