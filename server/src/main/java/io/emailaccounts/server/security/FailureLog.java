package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.Optional;

/** Failed sign-ins per key (a user name, or a user name and address) over a sliding window. */
interface FailureLog {

    /** How long attempts under the key stay refused when at most {@code max} failures are allowed in the window. */
    Optional<Duration> refusedFor(String key, int max);

    /** Records a failure; the failures in the window now, at most {@code max}. */
    int record(String key, int max);

    /** Forgets the key's failures. */
    void forget(String key);
}
