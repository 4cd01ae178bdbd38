package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * the password. The failures are kept by a {@link FailureLog}: in memory for one process, in the database where
 * replicas share it.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final int maxFailures;
    private final int maxFailuresPerName;
    private final Duration window;
    private final FailureLog failures;

    /** A throttle whose failures are kept in memory (one process). */
    LoginThrottle(int maxFailures, int maxFailuresPerName, Duration window, Ticker ticker) {
        this(maxFailures, maxFailuresPerName, window, new MemoryFailureLog(checkedWindow(window), ticker));
    }

    /** A throttle whose failures are kept in {@code failures} (the database, shared by replicas). */
    LoginThrottle(int maxFailures, int maxFailuresPerName, Duration window, FailureLog failures) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("emailaccounts.login-throttle needs max-failures >= 1 and a positive window");
        }
        this.maxFailures = maxFailures;
        // The ceiling for a name from everywhere is never below the limit from one address.
        this.maxFailuresPerName = Math.max(maxFailuresPerName, maxFailures);
        this.window = checkedWindow(window);
        this.failures = failures;
    }

    private static Duration checkedWindow(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("emailaccounts.login-throttle needs max-failures >= 1 and a positive window");
        }
        return window;
    }

    /** Throws when the name has used up its failures from this address, or from all addresses; does nothing otherwise. */
    void checkAllowed(String username, String address) {
        Optional<Duration> wait = failures.refusedFor(key(username, address), maxFailures)
                .or(() -> failures.refusedFor(key(username), maxFailuresPerName));
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
    }

    void failed(String username, String address) {
        int fromAddress = failures.record(key(username, address), maxFailures);
        int fromAll = failures.record(key(username), maxFailuresPerName);
        if (fromAddress == maxFailures) {
            log.warn("Sign-in throttled: user name '{}' had {} failed sign-ins from {} within {}; further sign-ins under it "
                    + "from that address are refused until the first of them is {} old", printable(username), fromAddress,
                    printable(address), window, window);
        }
        if (fromAll == maxFailuresPerName) {
            log.warn("Sign-in locked: user name '{}' had {} failed sign-ins from all addresses within {} (the last from {}); "
                    + "every sign-in under it is refused until the first of them is {} old", printable(username), fromAll,
                    window, printable(address), window);
        }
    }

    void succeeded(String username, String address) {
        failures.forget(key(username, address));
    }

    private static String key(String username) {
        return "name:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String key(String username, String address) {
        return key(username) + " address:" + address;
    }

    /** A user name as typed can hold anything: control characters would forge log lines. */
    private static String printable(String text) {
        return text == null ? "" : text.codePoints().limit(200)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
