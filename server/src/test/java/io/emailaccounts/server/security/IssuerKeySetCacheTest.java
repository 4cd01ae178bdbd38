package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;

import io.emailaccounts.server.support.MovingClock;

/**
 * The issuer's keys are fetched again once their lifetime is over, and for a new key at most once per interval; kept
 * while the issuer cannot be reached.
 */
class IssuerKeySetCacheTest {

    private static final String URI = "https://issuer.example/keys";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovingClock clock = new MovingClock(START);
    private final IssuerKeySetCache cache = new IssuerKeySetCache(Duration.ofMinutes(5), Duration.ofSeconds(30), clock);
    private final AtomicInteger fetches = new AtomicInteger();

    private String keys() {
        return cache.get(URI, () -> "keys-" + fetches.incrementAndGet());
    }

    @Test
    void shouldKeepTheKeysForTheirLifetime() {
        assertThat(keys()).isEqualTo("keys-1");
        clock.set(START.plus(Duration.ofMinutes(5)).minusMillis(1));
        assertThat(keys()).isEqualTo("keys-1");
        clock.set(START.plus(Duration.ofMinutes(5)));
        assertThat(keys()).isEqualTo("keys-2");
    }

    @Test
    void shouldFetchForANewKeyAtMostOncePerRefreshInterval() {
        keys();
        clock.set(START.plusSeconds(29));
        assertThat(cache.invalidate()).isFalse();
        assertThat(keys()).as("made-up key ids do not reach the issuer").isEqualTo("keys-1");

        clock.set(START.plusSeconds(30));
        assertThat(cache.invalidate()).isTrue();
        assertThat(keys()).isEqualTo("keys-2");
        assertThat(cache.invalidate()).isFalse();
    }

    @Test
    void shouldSayHowLongARefreshWasHeldBackUnlessTheKeysWereFetchedForTheSameToken() {
        keys();
        cache.invalidate();
        assertThat(cache.forgetHeldBackRefresh()).as("fetched for this token: fresh").isNull();

        clock.set(START.plusSeconds(10));
        cache.invalidate();
        assertThat(cache.forgetHeldBackRefresh()).isEqualTo(Duration.ofSeconds(20));
        assertThat(cache.forgetHeldBackRefresh()).as("forgotten").isNull();
    }

    @Test
    void shouldRememberTheIdsOfTheKeysTheIssuerPublished() {
        cache.get(URI, () -> "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"key-1\",\"k\":\"AAAA\"}]}");
        clock.set(START.plus(Duration.ofMinutes(5)));
        cache.get(URI, () -> "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"key-2\",\"k\":\"AAAA\"}]}");

        assertThat(cache.hasSeen("key-1")).as("withdrawn since").isTrue();
        assertThat(cache.hasSeen("key-2")).isTrue();
        assertThat(cache.hasSeen("key-3")).isFalse();
    }

    @Test
    void shouldKeepUsingTheKeysHeldWhileTheIssuerCannotBeReached() {
        keys();
        clock.set(START.plus(Duration.ofMinutes(6)));
        AtomicInteger failedFetches = new AtomicInteger();
        Callable<String> unreachable = () -> {
            failedFetches.incrementAndGet();
            throw new IOException("Connection refused");
        };

        assertThat(cache.get(URI, unreachable)).isEqualTo("keys-1");
        assertThat(cache.invalidate()).as("a made-up key id asks for a refresh").isTrue();
        assertThat(cache.get(URI, unreachable)).as("not tried again for a few seconds, the keys kept").isEqualTo("keys-1");
        assertThat(failedFetches).hasValue(1);

        clock.set(clock.instant().plusSeconds(IssuerKeySetCache.SECONDS_BETWEEN_FAILED_FETCHES));
        assertThat(cache.get(URI, unreachable)).isEqualTo("keys-1");
        assertThat(failedFetches).hasValue(2);
        clock.set(clock.instant().plusSeconds(IssuerKeySetCache.SECONDS_BETWEEN_FAILED_FETCHES));
        assertThat(keys()).as("once it answers").isEqualTo("keys-2");
    }

    @Test
    void shouldFailAFetchWhenNoKeysAreHeld() {
        assertThatThrownBy(() -> cache.get(URI, () -> {
            throw new IOException("Connection refused");
        })).isInstanceOf(Cache.ValueRetrievalException.class);
    }
}
