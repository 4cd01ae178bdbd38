package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed sign-ins per key (a user name, an address, or both) over a sliding window; and the successful ones per user
 * name and address, which the window remembers too.
 */
interface SignInAttempts {

    /** How long attempts under the key stay refused when at most {@code max} failures are allowed in the window. */
    Optional<Duration> refusedFor(String key, int max);

    /** Records a failure; the failures in the window now, at most {@code max}. */
    int record(String key, int max);

    /** Forgets the key's failures. */
    void forget(String key);

    /** Notes a successful sign-in under the key (a user name and address). */
    void succeeded(String key);

    /** Whether a sign-in under the key succeeded within the window. */
    boolean succeededWithin(String key);
}
