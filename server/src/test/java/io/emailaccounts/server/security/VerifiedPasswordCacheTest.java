package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    /** Counts the slow checks it is asked for. */
    private static final class CountingEncoder implements PasswordEncoder {
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
        VerifiedPasswordCache cache = new VerifiedPasswordCache(slow);

        assertThat(cache.matches("secret", "hash:secret")).isTrue();
        assertThat(cache.matches("secret", "hash:secret")).isTrue();

        assertThat(slow.checks).hasValue(1);
    }

    @Test
    void shouldAlwaysCheckAWrongPassword() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(slow);

        assertThat(cache.matches("guess", "hash:secret")).isFalse();
        assertThat(cache.matches("guess", "hash:secret")).isFalse();

        assertThat(slow.checks).hasValue(2);
    }

    @Test
    void shouldNotCarryAVerificationOverToAnotherHash() {
        CountingEncoder slow = new CountingEncoder();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(slow);
        cache.matches("secret", "hash:secret");

        assertThat(cache.matches("secret", "hash:changed")).isFalse();
    }
}
