package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Counts failed sign-ins over a sliding window, per user name and client address, and per user name alone. Once a
 * name has {@code maxFailures} failures from one address, attempts under it from that address are refused unchecked
 * (a right password too, so that guessing learns nothing) until the oldest failure leaves the window; other addresses
 * may still sign in under the name, so that one attacker cannot lock its user out. Past {@code maxFailuresPerName}
 * failures from all addresses together (a distributed guess), every attempt under the name is refused. This follows
 * OWASP's Authentication Cheat Sheet: throttle rather than lock, and key the throttle on more than the account. A
 * successful sign-in forgets the failures of its name and address. Names are compared without case, and unknown
 * names are counted like known ones, so the throttle does not tell which names exist.
 * <p>
 * Each throttle that starts is logged at WARN once per window, with the user name, the address and the count, never
 * the password.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Bounds memory when many different names are tried; the least recently failed are forgotten first. */
    private static final long MAX_TRACKED_KEYS = 100_000;

    private final int maxFailures;
    private final int maxFailuresPerName;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Deque<Long>> byNameAndAddress;
    private final Cache<String, Deque<Long>> byName;

    LoginThrottle(int maxFailures, int maxFailuresPerName, Duration window, Ticker ticker) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("emailaccounts.login-throttle needs max-failures >= 1 and a positive window");
        }
        this.maxFailures = maxFailures;
        // The ceiling for a name from everywhere is never below the limit from one address.
        this.maxFailuresPerName = Math.max(maxFailuresPerName, maxFailures);
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.byNameAndAddress = newCache(window, ticker);
        this.byName = newCache(window, ticker);
    }

    private static Cache<String, Deque<Long>> newCache(Duration window, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED_KEYS).ticker(ticker).build();
    }

    /** Throws when the name has used up its failures from this address, or from all addresses; does nothing otherwise. */
    void checkAllowed(String username, String address) {
        long now = ticker.read();
        OptionalLong wait = refusedFor(byNameAndAddress, key(username, address), maxFailures, now);
        if (wait.isEmpty()) {
            wait = refusedFor(byName, key(username), maxFailuresPerName, now);
        }
        if (wait.isPresent()) {
            throw new LoginThrottledException(Duration.ofNanos(wait.getAsLong()));
        }
    }

    void failed(String username, String address) {
        long now = ticker.read();
        int fromAddress = count(byNameAndAddress, key(username, address), maxFailures, now);
        int fromAll = count(byName, key(username), maxFailuresPerName, now);
        if (fromAddress == maxFailures) {
            log.warn("Sign-in throttled: user name '{}' had {} failed sign-ins from {} within {}; further sign-ins under it "
                    + "from that address are refused until the first of them is {} old", printable(username), fromAddress,
                    printable(address), Duration.ofNanos(windowNanos), Duration.ofNanos(windowNanos));
        }
        if (fromAll == maxFailuresPerName) {
            log.warn("Sign-in locked: user name '{}' had {} failed sign-ins from all addresses within {} (the last from {}); "
                    + "every sign-in under it is refused until the first of them is {} old", printable(username), fromAll,
                    Duration.ofNanos(windowNanos), printable(address), Duration.ofNanos(windowNanos));
        }
    }

    void succeeded(String username, String address) {
        byNameAndAddress.invalidate(key(username, address));
    }

    /** How long attempts under this key are refused still, in nanoseconds; empty when they are not. */
    private OptionalLong refusedFor(Cache<String, Deque<Long>> failures, String key, int max, long now) {
        Deque<Long> recent = failures.getIfPresent(key);
        if (recent == null) {
            return OptionalLong.empty();
        }
        synchronized (recent) {
            forgetExpired(recent, now);
            return recent.size() >= max ? OptionalLong.of(recent.peekFirst() + windowNanos - now) : OptionalLong.empty();
        }
    }

    /** Records a failure; the failures in the window now, at most {@code max}. */
    private int count(Cache<String, Deque<Long>> failures, String key, int max, long now) {
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

    private void forgetExpired(Deque<Long> recent, long now) {
        while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
            recent.removeFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static String key(String username, String address) {
        return key(username) + "\n" + address;
    }

    /** A user name as typed can hold anything: control characters would forge log lines. */
    private static String printable(String text) {
        return text == null ? "" : text.codePoints().limit(200)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
