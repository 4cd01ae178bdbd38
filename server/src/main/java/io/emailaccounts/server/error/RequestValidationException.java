package io.emailaccounts.server.error;

import java.util.List;

/** A request broke one or more rules; it is answered 400 with every violation, and changes nothing. */
public class RequestValidationException extends RuntimeException {

    private final List<PropertyViolation> violations;

    public RequestValidationException(List<PropertyViolation> violations) {
        super(violations.size() + " validation error(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public RequestValidationException(PropertyViolation violation) {
        this(List.of(violation));
    }

    public List<PropertyViolation> violations() {
        return violations;
    }
}
