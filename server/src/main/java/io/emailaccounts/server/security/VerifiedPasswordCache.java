package io.emailaccounts.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers recently verified (password, stored hash) pairs so that HTTP Basic, which sends the password with every
 * request, pays for bcrypt once instead of on every call. Only successes are remembered, as HMACs under a key that
 * lives in memory only, for an hour after their last use at most; a wrong password always takes the full, slow check.
 * <p>
 * Two more rules keep the slow check what it is for:
 * <ul>
 *     <li>A match against the hash Spring Security checks unknown user names against (the encoding of its fixed
 *     {@value #USER_NOT_FOUND_PASSWORD}, made through {@link #encode}) is never remembered: an unknown name always
 *     costs a full check, as a known name with a wrong password does, so timing does not tell which names exist.</li>
 *     <li>At most {@code maxConcurrentChecks} full checks run at once; a check that finds none free within
 *     {@link #WAIT_FOR_A_CHECK} is refused ({@link PasswordChecksBusyException}: 503), so that a flood of sign-ins
 *     cannot take every CPU. A password already remembered takes no slot.</li>
 * </ul>
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    /** Bounds memory; the least recently used fingerprints are forgotten first. */
    private static final long MAX_ENTRIES = 10_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** The password Spring Security's DaoAuthenticationProvider encodes to check unknown user names against. */
    static final String USER_NOT_FOUND_PASSWORD = "userNotFoundPassword";
    /** How long a check waits for a free slot before it is refused. */
    static final Duration WAIT_FOR_A_CHECK = Duration.ofSeconds(1);

    private final PasswordEncoder delegate;
    private final PasswordEncoder unknownUsers;
    private final SecretKeySpec key;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterAccess(FORGET_AFTER)
            .build();
    /** The hashes unknown user names are checked against. */
    private final Set<String> unknownUserHashes = ConcurrentHashMap.newKeySet();
    private final Semaphore checks;

    VerifiedPasswordCache(PasswordEncoder delegate, int maxConcurrentChecks) {
        this(delegate, maxConcurrentChecks, delegate);
    }

    /**
     * @param unknownUsers encodes the hash unknown user names are checked against: as costly as the slowest stored
     *                     hash, so that an unknown name takes as long as a known one
     */
    VerifiedPasswordCache(PasswordEncoder delegate, int maxConcurrentChecks, PasswordEncoder unknownUsers) {
        this.delegate = delegate;
        this.unknownUsers = unknownUsers;
        this.checks = new Semaphore(maxConcurrentChecks, true);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (USER_NOT_FOUND_PASSWORD.contentEquals(rawPassword)) {
            String encoded = unknownUsers.encode(rawPassword);
            unknownUserHashes.add(encoded);
            return encoded;
        }
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        boolean unknownUser = unknownUserHashes.contains(encodedPassword);
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        if (!unknownUser && verified.getIfPresent(fingerprint) != null) {
            return true;
        }
        boolean matches = fullCheck(rawPassword, encodedPassword);
        if (matches && !unknownUser) {
            verified.put(fingerprint, Boolean.TRUE);
        }
        return matches;
    }

    private boolean fullCheck(CharSequence rawPassword, String encodedPassword) {
        try {
            if (!checks.tryAcquire(WAIT_FOR_A_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PasswordChecksBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusyException();
        }
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            checks.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
