package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.emailaccounts.server.config.EmailAccountsProperties;

class VerifiedPasswordCacheTest {

    /** Counts the slow checks it is asked for. */
    private static class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return "hash:" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return encodedPassword.equals("hash:" + rawPassword);
        }
    }

    @Test
    void shouldCheckARightPasswordOnlyOnce() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(slow, 4);

        assertThat(cache.matches("secret", "hash:secret")).isTrue();
        assertThat(cache.matches("secret", "hash:secret")).isTrue();

        assertThat(slow.checks).hasValue(1);
    }

    @Test
    void shouldAlwaysCheckAWrongPassword() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(slow, 4);

        assertThat(cache.matches("guess", "hash:secret")).isFalse();
        assertThat(cache.matches("guess", "hash:secret")).isFalse();

        assertThat(slow.checks).hasValue(2);
    }

    /** The hash unknown names are checked against is as costly as the costliest stored one (cost 12 here). */
    @Test
    void shouldCheckUnknownNamesAgainstAHashAsCostlyAsTheStoredOnes() {
        List<EmailAccountsProperties.User> users = List.of(
                new EmailAccountsProperties.User("a@example.com", "{bcrypt}$2a$10$" + "x".repeat(53), true, List.of(), null),
                new EmailAccountsProperties.User("b@example.com", "{bcrypt}$2b$12$" + "x".repeat(53), true, List.of(), null),
                new EmailAccountsProperties.User("c@example.com", "{noop}plain", true, List.of(), null));
        int cost = ConfiguredUsers.highestBcryptCost(users);
        VerifiedPasswordCache cache = new VerifiedPasswordCache(new CountingEncoder(), 4,
                new BCryptPasswordEncoder(cost));

        assertThat(cost).isEqualTo(12);
        assertThat(ConfiguredUsers.highestBcryptCost(List.of())).as("at least Spring Security's default").isEqualTo(10);
        assertThat(cache.encode(VerifiedPasswordCache.USER_NOT_FOUND_PASSWORD)).startsWith("$2a$12$");
        assertThat(cache.encode("another")).as("the stored encoder's").isEqualTo("hash:another");
    }

    @Test
    void shouldNotCarryAVerificationOverToAnotherHash() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(slow, 4);
        cache.matches("secret", "hash:secret");

        assertThat(cache.matches("secret", "hash:changed")).isFalse();
    }

    /**
     * Spring Security checks an unknown user name against a hash of its fixed password: a match there is never
     * remembered, so that an unknown name always costs a full check (as a known name with a wrong password does).
     */
    @Test
    void shouldNeverRememberAMatchAgainstTheHashUnknownNamesAreCheckedAgainst() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(slow, 4);
        String unknownUsers = cache.encode(VerifiedPasswordCache.USER_NOT_FOUND_PASSWORD);

        assertThat(cache.matches(VerifiedPasswordCache.USER_NOT_FOUND_PASSWORD, unknownUsers)).isTrue();
        assertThat(cache.matches(VerifiedPasswordCache.USER_NOT_FOUND_PASSWORD, unknownUsers)).isTrue();

        assertThat(slow.checks).hasValue(2);
    }

    /** The full checks running at once are bounded; a check that finds no slot is refused, a remembered one needs none. */
    @Test
    void shouldRefuseACheckWhenEverySlotStaysBusyButNotARememberedPassword() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder blocking = new CountingEncoder() {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                if (rawPassword.toString().equals("slow")) {
                    checking.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.matches(rawPassword, encodedPassword);
            }
        };
        VerifiedPasswordCache cache = new VerifiedPasswordCache(blocking, 1);
        assertThat(cache.matches("known", "hash:known")).isTrue();
        Thread busy = new Thread(() -> cache.matches("slow", "hash:slow"));
        busy.start();
        checking.await();

        assertThatThrownBy(() -> cache.matches("other", "hash:other")).isInstanceOf(PasswordChecksBusyException.class);
        assertThat(cache.matches("known", "hash:known")).as("remembered: no slot needed").isTrue();

        release.countDown();
        busy.join();
        assertThat(cache.matches("other", "hash:other")).isTrue();
    }
}
