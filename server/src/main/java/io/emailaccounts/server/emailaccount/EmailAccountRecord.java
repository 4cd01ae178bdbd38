package io.emailaccounts.server.emailaccount;

import java.util.Collections;
import java.util.Map;

/**
 * One stored EmailAccount as every read sees it: the value of each stored property but the secrets, which reads never
 * fetch, and the record's version. The feature's read model, shared by its persistence, service and web layers.
 *
 * @param id      the record's Id
 * @param values  every stored, readable property's value (null where the record has none), by field
 * @param version raised by every change; the record's ETag
 */
public record EmailAccountRecord(long id, Map<EmailAccountField<?>, Object> values, long version) {

    public EmailAccountRecord {
        values = Collections.unmodifiableMap(values);
    }

    /** The stored value of a property; null when it has none. */
    public <T> T value(EmailAccountField<T> field) {
        return field.javaType().cast(values.get(field));
    }
}
