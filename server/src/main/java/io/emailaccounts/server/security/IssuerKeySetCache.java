package io.emailaccounts.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.cache.support.AbstractValueAdaptingCache;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Holds the organisation's issuer's published signing keys (its JWK Set, as Spring Security's decoder fetched it) for
 * {@code emailaccounts.security.issuer.key-set-lifetime}, so that a key the issuer withdraws is refused at most that
 * long after. When a token names a key not in the set, the decoder invalidates it, to fetch the issuer's new key: that
 * is done at most once per {@code key-set-refresh-interval}, so that tokens with made-up key ids cannot send the server
 * to the issuer with every request (a token whose refresh was held back is answered 503 with Retry-After, not refused,
 * unless its key is one the issuer has withdrawn: its key may be the issuer's new one). Holds one value, the set of the issuer's one key set address.
 */
final class IssuerKeySetCache extends AbstractValueAdaptingCache {

    private final Duration lifetime;
    private final Duration refreshInterval;
    private final Clock clock;

    private record Held(Object key, Object value, Instant fetched) {
    }

    private volatile Held held;
    /** The ids of the keys the issuer has published, a bounded number of the latest. */
    private final Set<String> seen = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_KEY_IDS_SEEN;
        }
    }));
    private static final int MAX_KEY_IDS_SEEN = 1000;
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

    @Override
    protected Object lookup(Object key) {
        Held current = held;
        if (current == null || !current.key().equals(key)) {
            return null;
        }
        if (!clock.instant().isBefore(current.fetched().plus(lifetime))) {
            held = null;
            return null;
        }
        return current.value();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T get(Object key, Callable<T> valueLoader) {
        Object value = lookup(key);
        if (value != null) {
            return (T) value;
        }
        try {
            T loaded = valueLoader.call();
            fetchedForThisThread.set(true);
            put(key, loaded);
            return loaded;
        } catch (Exception e) {
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
     * A refresh the decoder asks for: done unless the keys were fetched less than the refresh interval ago. Then the
     * refresh is held back, and the calling thread can learn for how long ({@link #forgetHeldBackRefresh}).
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
        held = null;
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
