package io.emailaccounts.server.emailaccount.service;

import java.util.Optional;
import java.util.Set;

/**
 * Who asks: a user name (recorded as UpdatedBy) and the businesses whose records the user may see and change.
 *
 * @param businesses empty for every business
 */
public record Caller(String name, Optional<Set<Long>> businesses) {

    public boolean mayUse(long businessId) {
        return businesses.map(allowed -> allowed.contains(businessId)).orElse(true);
    }

    /** The businesses to limit a query to; null for every business. */
    Set<Long> scope() {
        return businesses.orElse(null);
    }
}
