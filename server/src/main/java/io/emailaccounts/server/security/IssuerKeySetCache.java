package io.emailaccounts.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.springframework.cache.support.AbstractValueAdaptingCache;

/**
 * Holds the organisation's issuer's published signing keys (its JWK Set, as Spring Security's decoder fetched it) for
 * {@code emailaccounts.security.issuer.key-set-lifetime}, so that a key the issuer withdraws is refused at most that
 * long after. When a token names a key not in the set, the decoder invalidates it, to fetch the issuer's new key: that
 * is done at most once per {@code key-set-refresh-interval}, so that tokens with made-up key ids cannot send the server
 * to the issuer with every request. Holds one value, the set of the issuer's one key set address.
 */
final class IssuerKeySetCache extends AbstractValueAdaptingCache {

    private final Duration lifetime;
    private final Duration refreshInterval;
    private final Clock clock;

    private record Held(Object key, Object value, Instant fetched) {
    }

    private volatile Held held;

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
            put(key, loaded);
            return loaded;
        } catch (Exception e) {
            throw new ValueRetrievalException(key, valueLoader, e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        held = value == null ? null : new Held(key, value, clock.instant());
    }

    @Override
    public void evict(Object key) {
        held = null;
    }

    @Override
    public void clear() {
        held = null;
    }

    /** A refresh the decoder asks for: done unless the keys were fetched less than the refresh interval ago. */
    @Override
    public boolean invalidate() {
        Held current = held;
        if (current != null && clock.instant().isBefore(current.fetched().plus(refreshInterval))) {
            return false;
        }
        held = null;
        return current != null;
    }
}
