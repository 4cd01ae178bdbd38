package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/** Failed sign-ins in memory: for one process (the embedded database). */
final class MemorySignInAttempts implements SignInAttempts {

    /** Bounds memory when many different names are tried; the least recently failed are forgotten first. */
    private static final long MAX_TRACKED_KEYS = 100_000;

    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Deque<Long>> failures;
    private final Cache<String, Boolean> successes;

    MemorySignInAttempts(Duration window, Ticker ticker) {
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED_KEYS).ticker(ticker).build();
        this.successes = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED_KEYS).ticker(ticker).build();
    }

    @Override
    public Optional<Duration> refusedFor(String key, int max) {
        Deque<Long> recent = failures.getIfPresent(key);
        if (recent == null) {
            return Optional.empty();
        }
        long now = ticker.read();
        synchronized (recent) {
            forgetExpired(recent, now);
            return recent.size() >= max ? Optional.of(Duration.ofNanos(recent.peekFirst() + windowNanos - now)) : Optional.empty();
        }
    }

    @Override
    public int record(String key, int max) {
        long now = ticker.read();
        int[] count = new int[1];
        failures.asMap().compute(key, (ignored, recent) -> {
            Deque<Long> updated = recent == null ? new ArrayDeque<>() : recent;
            synchronized (updated) {
                forgetExpired(updated, now);
                updated.addLast(now);
                while (updated.size() > max) {
                    updated.removeFirst();
                }
                count[0] = updated.size();
            }
            return updated;
        });
        return count[0];
    }

    @Override
    public void forget(String key) {
        failures.invalidate(key);
    }

    @Override
    public void succeeded(String key) {
        successes.put(key, Boolean.TRUE);
    }

    @Override
    public boolean succeededWithin(String key) {
        return successes.getIfPresent(key) != null;
    }

    private void forgetExpired(Deque<Long> recent, long now) {
        while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
            recent.removeFirst();
        }
    }
}
