package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Ticker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class LoginThrottleTest {

    private static final String HOME = "198.51.100.7";
    private static final String ELSEWHERE = "203.0.113.9";

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
    /** 3 failures per name and address, 5 per name from everywhere, 8 per address under any names, in 5 minutes. */
    private final LoginThrottle throttle = new LoginThrottle(3, 5, 8, Duration.ofMinutes(5), ticker);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LoginThrottle.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    private Duration retryAfter(String username, String address) {
        LoginThrottledException refused = catchThrowableOfType(LoginThrottledException.class,
                () -> throttle.checkAllowed(username, address));
        assertThat(refused).as("sign-in of %s from %s is refused", username, address).isNotNull();
        return refused.retryAfter();
    }

    private void allowed(String username, String address) {
        assertThatCode(() -> throttle.checkAllowed(username, address)).as("sign-in of %s from %s is allowed", username, address)
                .doesNotThrowAnyException();
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    private List<String> warnings() {
        return logged.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void shouldRefuseSignInsFromAnAddressOnceItsFailuresAreUsedUp() {
        throttle.failed("ann", HOME);
        ticker.advance(Duration.ofMinutes(1));
        throttle.failed("ann", HOME);
        allowed("ann", HOME);
        ticker.advance(Duration.ofMinutes(1));
        throttle.failed("ann", HOME);

        // Until the first failure is five minutes old.
        assertThat(retryAfter("ann", HOME)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void shouldLetTheNameSignInFromAnotherAddressWhileOneIsThrottled() {
        fail("ann", ELSEWHERE, 3);

        assertThat(retryAfter("ann", ELSEWHERE)).isEqualTo(Duration.ofMinutes(5));
        allowed("ann", HOME);
    }

    @Test
    void shouldRefuseTheNameEverywhereOnceItsCeilingFromAllAddressesIsReached() {
        fail("ann", "192.0.2.1", 2);
        fail("ann", "192.0.2.2", 2);
        allowed("ann", HOME);
        fail("ann", "192.0.2.3", 1);

        assertThat(retryAfter("ann", HOME)).isEqualTo(Duration.ofMinutes(5));
        allowed("bob", HOME);
    }

    /** Failures from elsewhere do not lock out a user who signed in from its address within the window. */
    @Test
    void shouldLetAnAddressThatSignedInUnderTheNameInWhileTheNameIsLocked() {
        throttle.succeeded("ann", HOME);
        ticker.advance(Duration.ofMinutes(1));
        fail("ann", "192.0.2.1", 3);
        fail("ann", "192.0.2.2", 2);

        allowed("ann", HOME);
        assertThat(retryAfter("ann", ELSEWHERE)).isEqualTo(Duration.ofMinutes(5));

        ticker.advance(Duration.ofMinutes(4));
        assertThat(retryAfter("ann", HOME)).as("its success left the window").isEqualTo(Duration.ofMinutes(1));
    }

    /** One address trying many names, each a password check, is refused under any name. */
    @Test
    void shouldRefuseAnAddressOnceItsFailuresUnderAnyNamesAreUsedUp() {
        for (int i = 0; i < 8; i++) {
            allowed("user" + i, ELSEWHERE);
            throttle.failed("user" + i, ELSEWHERE);
        }

        assertThat(retryAfter("someone-else", ELSEWHERE)).isEqualTo(Duration.ofMinutes(5));
        allowed("someone-else", HOME);
        assertThat(warnings()).contains("Sign-in throttled: address 203.0.113.9 had 8 failed sign-ins under any user "
                + "names within PT5M (the last as 'user7'); every sign-in from it is refused until the first of them is PT5M old");
    }

    @Test
    void shouldSlideTheWindow() {
        throttle.failed("ann", HOME);
        ticker.advance(Duration.ofMinutes(2));
        fail("ann", HOME, 2);
        ticker.advance(Duration.ofMinutes(3));

        allowed("ann", HOME);
        throttle.failed("ann", HOME);
        assertThat(retryAfter("ann", HOME)).isEqualTo(Duration.ofMinutes(2));

        ticker.advance(Duration.ofMinutes(2));
        allowed("ann", HOME);
    }

    @Test
    void shouldForgetTheFailuresOfANameAndAddressAfterASuccess() {
        fail("ann", HOME, 2);
        throttle.succeeded("ann", HOME);
        fail("ann", HOME, 2);

        allowed("ann", HOME);
    }

    @Test
    void shouldCountNamesWithoutCaseAndEachNameApart() {
        throttle.failed("Ann@Example.com", HOME);
        throttle.failed("ann@example.com", HOME);
        throttle.failed("ANN@EXAMPLE.COM", HOME);

        assertThat(retryAfter("ann@example.com", HOME)).isEqualTo(Duration.ofMinutes(5));
        allowed("bob@example.com", HOME);
    }

    @Test
    void shouldLogEachThrottleOnceAtWarnWithNameAddressAndCount() {
        fail("ann", HOME, 3);
        fail("ann", ELSEWHERE, 2);

        assertThat(warnings()).containsExactly(
                "Sign-in throttled: user name 'ann' had 3 failed sign-ins from 198.51.100.7 within PT5M; further sign-ins "
                        + "under it from that address are refused until the first of them is PT5M old",
                "Sign-in locked: user name 'ann' had 5 failed sign-ins from all addresses within PT5M (the last from "
                        + "203.0.113.9); sign-ins under it are refused until the first of them is PT5M old, but from the "
                        + "addresses that signed in under it within PT5M");
    }

    @Test
    void shouldNotLetAUserNameForgeLogLines() {
        fail("ann\nINFO all is well", HOME, 3);

        assertThat(warnings()).singleElement().asString().doesNotContain("\n").contains("'ann?INFO all is well'");
    }
}
