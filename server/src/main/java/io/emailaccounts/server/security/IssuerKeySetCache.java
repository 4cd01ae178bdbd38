package io.emailaccounts.server.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.support.AbstractValueAdaptingCache;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Holds the organisation's issuer's published signing keys (its JWK Set, as Spring Security's decoder fetched it), and
 * fetches them again once they are {@code emailaccounts.security.issuer.key-set-lifetime} old, so that a key the
 * issuer withdraws is refused at most that long after. When a token names a key not in the set, the decoder asks for
 * the keys again, to find the issuer's new key: that is done at most once per {@code key-set-refresh-interval}, so that
 * tokens with made-up key ids cannot send the server to the issuer with every request (a token whose fetch was held
 * back can be answered 503 with Retry-After rather than refused: its key may be the issuer's new one).
 * <p>
 * While the issuer cannot be reached, the keys last fetched are kept and used, and it is asked again every
 * {@value #SECONDS_BETWEEN_FAILED_FETCHES} seconds: an issuer's outage does not stop its tokens from being taken, and
 * nothing a caller sends can make the server drop the keys it holds. Holds one value, the set of the issuer's one key
 * set address.
 */
final class IssuerKeySetCache extends AbstractValueAdaptingCache {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeySetCache.class);

    /** How long after a failed fetch the next is tried. */
    static final long SECONDS_BETWEEN_FAILED_FETCHES = IssuerUnavailableException.UNREACHABLE_RETRY_AFTER_SECONDS;
    private static final int MAX_KEY_IDS_SEEN = 1000;

    private record Held(Object key, Object value, Instant fetched) {
    }

    private final Duration lifetime;
    private final Duration refreshInterval;
    private final Clock clock;

    private volatile Held held;
    /** A token named a key the set does not hold, and the keys are old enough to be fetched again. */
    private volatile boolean refreshRequested;
    private volatile Instant lastFailedFetch = Instant.MIN;
    /** The ids of the keys the issuer has published, a bounded number of the latest. */
    private final Set<String> seen = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_KEY_IDS_SEEN;
        }
    }));
    /** The refresh held back for a thread's token, and how long until one may be done. */
    private final ThreadLocal<Duration> heldBack = new ThreadLocal<>();
    /** Whether the keys were fetched for the calling thread's token. */
    private final ThreadLocal<Boolean> fetchedForThisThread = new ThreadLocal<>();

    IssuerKeySetCache(Duration lifetime, Duration refreshInterval, Clock clock) {
        super(false);
        this.lifetime = lifetime;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "issuer-key-set";
    }

    @Override
    public Object getNativeCache() {
        return this;
    }

    /** The keys held, however old (the decoder's first look, as it is made). */
    @Override
    protected Object lookup(Object key) {
        Held current = held;
        return current != null && current.key().equals(key) ? current.value() : null;
    }

    /**
     * The keys: those held while they are younger than their lifetime and no refresh was asked for; else fetched
     * again, and if that fails, those held (the failure is thrown only when none are).
     */
    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T get(Object key, Callable<T> valueLoader) {
        Held current = held;
        Instant now = clock.instant();
        boolean holding = current != null && current.key().equals(key);
        if (holding && !refreshRequested && now.isBefore(current.fetched().plus(lifetime))) {
            return (T) current.value();
        }
        if (holding && now.isBefore(lastFailedFetch.plusSeconds(SECONDS_BETWEEN_FAILED_FETCHES))) {
            return (T) current.value();
        }
        refreshRequested = false;
        try {
            T loaded = valueLoader.call();
            fetchedForThisThread.set(true);
            put(key, loaded);
            return loaded;
        } catch (Exception e) {
            lastFailedFetch = now;
            if (holding) {
                log.warn("The issuer's signing keys could not be fetched ({}): the keys fetched at {} are used until it "
                        + "answers; tried again in {} s", e.getMessage(), current.fetched(), SECONDS_BETWEEN_FAILED_FETCHES);
                return (T) current.value();
            }
            throw new ValueRetrievalException(key, valueLoader, e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        held = value == null ? null : new Held(key, value, clock.instant());
        if (value instanceof String keys) {
            try {
                JWKSet.parse(keys).getKeys().stream().map(JWK::getKeyID).filter(Objects::nonNull).forEach(seen::add);
            } catch (ParseException unreadable) {
                // the decoder finds no key in it either
            }
        }
    }

    /** Whether the issuer has published a key of this id since the server started (in this set or an earlier one). */
    boolean hasSeen(String keyId) {
        return keyId != null && seen.contains(keyId);
    }

    @Override
    public void evict(Object key) {
        held = null;
    }

    @Override
    public void clear() {
        held = null;
    }

    /**
     * A refresh the decoder asks for, a token having named a key the set does not hold: the next {@link #get} fetches
     * the keys again, unless they were fetched less than the refresh interval ago. Then the refresh is held back, and
     * the calling thread can learn for how long ({@link #forgetHeldBackRefresh}). The keys held are kept either way.
     */
    @Override
    public boolean invalidate() {
        Held current = held;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.fetched().plus(refreshInterval))) {
            if (!Boolean.TRUE.equals(fetchedForThisThread.get())) { // keys fetched for this very token are fresh
                heldBack.set(Duration.between(now, current.fetched().plus(refreshInterval)));
            }
            return false;
        }
        refreshRequested = true;
        return current != null;
    }

    /**
     * How long until a refresh held back for the calling thread may be done; null when none was, or when the keys
     * were fetched for the calling thread's token itself. Forgotten after: call it before a token and after.
     */
    Duration forgetHeldBackRefresh() {
        Duration wait = heldBack.get();
        heldBack.remove();
        fetchedForThisThread.remove();
        return wait;
    }
}
