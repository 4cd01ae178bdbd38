package io.emailaccounts.server.emailaccount.service;

import io.emailaccounts.server.emailaccount.BusinessScope;

/**
 * Who asks: a user name (recorded as UpdatedBy) and the businesses whose records the user may see and change.
 */
public record Caller(String name, BusinessScope scope) {

    public boolean mayUse(long businessId) {
        return scope.includes(businessId);
    }
}
