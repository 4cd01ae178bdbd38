package io.emailaccounts.server.security;

import java.util.Optional;

/** The caller is signed in but lacks the role the operation needs. */
public class OperationForbiddenException extends RuntimeException {

    public OperationForbiddenException(Optional<String> requiredRole) {
        super(requiredRole.map(role -> "This operation needs a full unrestricted administrator or the " + role + " role.")
                .orElse("This operation needs a full unrestricted administrator."), null, false, false);
    }
}
