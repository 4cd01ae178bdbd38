package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RunningServerTest;

/** A refresh token works until its lifetime (emailaccounts.security.refresh-token-lifetime) has passed, not after. */
class RefreshTokenLifetimeTest extends RunningServerTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(15);

    private RefreshTokenStore storeAt(Instant now) {
        return new RefreshTokenStore(jdbc, LIFETIME, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void shouldHonourARefreshTokenWithinItsLifetime() {
        String token = storeAt(ISSUED).issue(ADMIN);

        assertThat(storeAt(ISSUED.plus(LIFETIME).minusSeconds(1)).consume(token)).hasValue(ADMIN);
    }

    @Test
    void shouldRefuseARefreshTokenPastItsLifetime() {
        String token = storeAt(ISSUED).issue(ADMIN);

        assertThat(storeAt(ISSUED.plus(LIFETIME).plusSeconds(1)).consume(token)).isEmpty();
    }
}
