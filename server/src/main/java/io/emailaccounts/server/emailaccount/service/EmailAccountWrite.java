package io.emailaccounts.server.emailaccount.service;

import java.util.Collections;
import java.util.Map;
import java.util.stream.Collectors;

import io.emailaccounts.server.emailaccount.EmailAccountField;

/**
 * The writable fields of an EmailAccount as one write sets them: every field it holds is set to its value ({@code null}
 * clears it); a field it does not hold keeps its stored value. The required fields are always held, the contract has
 * checked that.
 *
 * @param businessId the business the record is to belong to, which decides whether the caller may write it
 * @param values     the new values, by field
 */
public record EmailAccountWrite(long businessId, Map<EmailAccountField<?>, Object> values) {

    public EmailAccountWrite {
        values = Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        // Secrets must never reach a log through toString: only the names of the fields are shown.
        return "EmailAccountWrite[businessId=" + businessId + ", sets "
                + values.keySet().stream().map(EmailAccountField::name).collect(Collectors.joining(", ")) + "]";
    }
}
