package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Ticker;

import io.emailaccounts.server.limits.Allowance;

/**
 * Counts failed sign-ins over a sliding window: per user name and client address, per address across all names, and
 * per user name from all addresses. Following OWASP's Authentication Cheat Sheet, it throttles rather than locks, and
 * is keyed on more than the account:
 * <ul>
 *     <li>Once a name has {@code maxFailures} failures from one address, attempts under it from that address are
 *     refused unchecked (a right password too, so that guessing learns nothing) until the oldest failure leaves the
 *     window; other addresses may still sign in under the name.</li>
 *     <li>Once an address has {@code maxFailuresPerAddress} failures under any names (one address trying many names,
 *     each costing a password check), every attempt from it is refused.</li>
 *     <li>Once a name has {@code maxFailuresPerName} failures from all addresses together (a guess spread over many
 *     addresses), attempts under it are refused, except from an address that signed in under it successfully within
 *     the window: failures from elsewhere do not lock out a user who is signed in.</li>
 * </ul>
 * A successful sign-in forgets the failures of its name and address. Names are compared without case, and unknown
 * names are counted like known ones, so the throttle does not tell which names exist.
 * <p>
 * Each throttle that starts is logged at WARN once per window, with the user name, the address and the count, never
 * the password. The failures are kept by a {@link SignInAttempts}: in memory for one process, in the database where
 * replicas share it.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final int maxFailures;
    private final int maxFailuresPerName;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final SignInAttempts failures;

    /** A throttle whose failures are kept in memory (one process). */
    LoginThrottle(int maxFailures, int maxFailuresPerName, int maxFailuresPerAddress, Duration window, Ticker ticker) {
        this(maxFailures, maxFailuresPerName, maxFailuresPerAddress, window, new MemorySignInAttempts(checkedWindow(window), ticker));
    }

    /** A throttle whose failures are kept in {@code failures} (the database, shared by replicas). */
    LoginThrottle(int maxFailures, int maxFailuresPerName, int maxFailuresPerAddress, Duration window, SignInAttempts failures) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("emailaccounts.login-throttle needs max-failures >= 1 and a positive window");
        }
        this.maxFailures = maxFailures;
        // The ceilings for a name from everywhere and for an address are never below the limit of a name from one address.
        this.maxFailuresPerName = Math.max(maxFailuresPerName, maxFailures);
        this.maxFailuresPerAddress = Math.max(maxFailuresPerAddress, maxFailures);
        this.window = checkedWindow(window);
        this.failures = failures;
    }

    private static Duration checkedWindow(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("emailaccounts.login-throttle needs max-failures >= 1 and a positive window");
        }
        return window;
    }

    /** Throws when the attempt is to be refused unchecked (see the class); does nothing otherwise. */
    void checkAllowed(String username, String address) {
        Optional<Allowance> refused = failures.refusedFor(key(username, address), maxFailures)
                .map(wait -> refused("failed-sign-ins", maxFailures, wait))
                .or(() -> failures.refusedFor(addressKey(address), maxFailuresPerAddress)
                        .map(wait -> refused("failed-sign-ins-per-address", maxFailuresPerAddress, wait)))
                .or(() -> failures.refusedFor(key(username), maxFailuresPerName)
                        .filter(locked -> !failures.succeededWithin(key(username, address)))
                        .map(wait -> refused("failed-sign-ins-per-name", maxFailuresPerName, wait)));
        if (refused.isPresent()) {
            throw new LoginThrottledException(refused.get());
        }
    }

    /** The throttle's state as a refused client is told it: none of the policy's failures remain until {@code wait}. */
    private Allowance refused(String policy, int failuresAllowed, Duration wait) {
        return new Allowance(policy, failuresAllowed, window, 0, wait);
    }

    void failed(String username, String address) {
        int fromAddress = failures.record(key(username, address), maxFailures);
        int fromAll = failures.record(key(username), maxFailuresPerName);
        int anyName = failures.record(addressKey(address), maxFailuresPerAddress);
        if (fromAddress == maxFailures) {
            log.warn("Sign-in throttled: user name '{}' had {} failed sign-ins from {} within {}; further sign-ins under it "
                    + "from that address are refused until the first of them is {} old", printable(username), fromAddress,
                    printable(address), window, window);
        }
        if (fromAll == maxFailuresPerName) {
            log.warn("Sign-in locked: user name '{}' had {} failed sign-ins from all addresses within {} (the last from {}); "
                    + "sign-ins under it are refused until the first of them is {} old, but from the addresses that "
                    + "signed in under it within {}", printable(username), fromAll, window, printable(address), window, window);
        }
        if (anyName == maxFailuresPerAddress) {
            log.warn("Sign-in throttled: address {} had {} failed sign-ins under any user names within {} (the last as '{}'); "
                    + "every sign-in from it is refused until the first of them is {} old", printable(address), anyName,
                    window, printable(username), window);
        }
    }

    /** Whether a sign-in under the name succeeded from this address within the window. */
    boolean signedInWithin(String username, String address) {
        return failures.succeededWithin(key(username, address));
    }

    void succeeded(String username, String address) {
        failures.forget(key(username, address));
        failures.succeeded(key(username, address));
    }

    private static String key(String username) {
        return "name:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String key(String username, String address) {
        return key(username) + " address:" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** A user name as typed can hold anything: control characters would forge log lines. */
    private static String printable(String text) {
        return text == null ? "" : text.codePoints().limit(200)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
