package io.emailaccounts.server.security;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractProperty;

/**
 * How long a user name may be: the contract's bound on the token request's {@code username}, which HTTP Basic keeps
 * to as well. Every column that holds a user name takes that many characters (refresh tokens, idempotency keys, the
 * records' {@code UpdatedBy}, the throttles' keys); a longer name is refused before anything is looked up or stored.
 */
record UserNames(int maxLength) {

    static UserNames of(ApiContract contract) {
        ContractProperty username = contract.properties("TokenRequest").get("username");
        if (username == null || !username.schema().has("maxLength")) {
            throw new IllegalStateException("The contract's TokenRequest.username has no maxLength");
        }
        return new UserNames(username.schema().get("maxLength").asInt());
    }

    boolean tooLong(String username) {
        return username != null && username.length() > maxLength;
    }
}
