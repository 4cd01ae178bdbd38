package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Counts failed sign-ins per user name over a sliding window. Once a name has {@code maxFailures} failures in the
 * window, every attempt under it is refused unchecked (a right password too, so that guessing learns nothing) until
 * the oldest failure leaves the window. A successful sign-in forgets the failures. Names are compared without case,
 * and unknown names are counted like known ones, so the throttle does not tell which names exist.
 */
final class LoginThrottle {

    /** Bounds memory when many different names are tried; the least recently failed are forgotten first. */
    private static final long MAX_TRACKED_NAMES = 100_000;

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Deque<Long>> failures;

    LoginThrottle(int maxFailures, Duration window, Ticker ticker) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("emailaccounts.login-throttle needs max-failures >= 1 and a positive window");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(MAX_TRACKED_NAMES)
                .ticker(ticker)
                .build();
    }

    /** Throws when the name has used up its failures; does nothing otherwise. */
    void checkAllowed(String username) {
        Deque<Long> recent = failures.getIfPresent(key(username));
        if (recent == null) {
            return;
        }
        long now = ticker.read();
        synchronized (recent) {
            forgetExpired(recent, now);
            if (recent.size() >= maxFailures) {
                throw new LoginThrottledException(Duration.ofNanos(recent.peekFirst() + windowNanos - now));
            }
        }
    }

    void failed(String username) {
        long now = ticker.read();
        failures.asMap().compute(key(username), (name, recent) -> {
            Deque<Long> updated = recent == null ? new ArrayDeque<>() : recent;
            synchronized (updated) {
                forgetExpired(updated, now);
                updated.addLast(now);
                while (updated.size() > maxFailures) {
                    updated.removeFirst();
                }
            }
            return updated;
        });
    }

    void succeeded(String username) {
        failures.invalidate(key(username));
    }

    private void forgetExpired(Deque<Long> recent, long now) {
        while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
            recent.removeFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
