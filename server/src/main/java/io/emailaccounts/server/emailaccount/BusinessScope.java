package io.emailaccounts.server.emailaccount;

import java.util.Collection;
import java.util.Set;

/**
 * The businesses whose records a caller may see and change: every business (an administrator, or a user the
 * configuration does not limit), or these. Every read and write of records is given one, so that a query cannot be
 * widened to every business by a value left out: widening is {@link #every()}, said in so many words.
 */
public final class BusinessScope {

    private static final BusinessScope EVERY = new BusinessScope(Set.of());

    /** Empty for {@link #EVERY} alone. */
    private final Set<Long> businesses;

    private BusinessScope(Set<Long> businesses) {
        this.businesses = businesses;
    }

    public static BusinessScope every() {
        return EVERY;
    }

    /**
     * @throws IllegalArgumentException when there is no business: a caller with none has no scope (the security
     *                                  configuration refuses such a user before a request reaches the records)
     */
    public static BusinessScope only(Collection<Long> businesses) {
        if (businesses.isEmpty()) {
            throw new IllegalArgumentException("A scope names at least one business");
        }
        return new BusinessScope(Set.copyOf(businesses));
    }

    public boolean isEvery() {
        return this == EVERY;
    }

    /** Whether a record of this business is in the scope. */
    public boolean includes(long businessId) {
        return isEvery() || businesses.contains(businessId);
    }

    /**
     * The businesses of a limited scope, for a query's {@code IN} list.
     *
     * @throws IllegalStateException for every business, which a query does not list
     */
    public Set<Long> businesses() {
        if (isEvery()) {
            throw new IllegalStateException("Every business: a query is not limited by business");
        }
        return businesses;
    }

    @Override
    public String toString() {
        return isEvery() ? "every business" : "businesses " + businesses;
    }
}
