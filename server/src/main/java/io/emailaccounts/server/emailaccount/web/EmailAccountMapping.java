package io.emailaccounts.server.emailaccount.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.service.EmailAccountWrite;
import io.emailaccounts.server.generated.model.EmailAccount;
import io.emailaccounts.server.generated.model.EmailAccountFields;
import io.emailaccounts.server.generated.model.EmailAccountUpdate;

/**
 * Maps the generated models to the service's types and back by the JSON names of the contract's fields, so that no
 * field is mapped by hand; generated types stop here.
 */
@Component
class EmailAccountMapping {

    private final EmailAccountSchema schema;
    private final GeneratedModel<EmailAccountFields> createBody;
    private final GeneratedModel<EmailAccountUpdate> updateBody;
    private final GeneratedModel<EmailAccount> record;
    /** The writable fields that are never null ({@code x-unset-value}). */
    private final List<EmailAccountField> unsetOnCreate;
    /** The stored field each derived one answers ({@code x-same-as}), looked up once. */
    private final Map<EmailAccountField, EmailAccountField> sources = new HashMap<>();

    EmailAccountMapping(EmailAccountSchema schema) {
        this.schema = schema;
        List<EmailAccountField> writable = schema.fields().stream().filter(EmailAccountField::writable).toList();
        this.createBody = new GeneratedModel<>(EmailAccountFields.class, writable);
        this.updateBody = new GeneratedModel<>(EmailAccountUpdate.class, writable);
        this.unsetOnCreate = writable.stream().filter(field -> field.unsetValue() != null).toList();
        // The write-only secrets are never set in a record read back: left undefined, they are left out of the JSON.
        this.record = new GeneratedModel<>(EmailAccount.class, schema.fields().stream().filter(field -> !field.secret()).toList());
        schema.fields().stream().filter(field -> field.sameAs() != null)
                .forEach(field -> sources.put(field, schema.named(field.sameAs()).orElseThrow()));
    }

    /** A create: what the body leaves out is stored as null, or as its {@code x-unset-value}. */
    EmailAccountWrite write(EmailAccountFields body) {
        Map<EmailAccountField, Object> sent = new LinkedHashMap<>();
        createBody.readPresent(body, sent);
        unsetOnCreate.forEach(field -> sent.putIfAbsent(field, null));
        return write(sent);
    }

    EmailAccountWrite write(EmailAccountUpdate body) {
        Map<EmailAccountField, Object> sent = new LinkedHashMap<>();
        updateBody.readPresent(body, sent);
        return write(sent);
    }

    /**
     * The write a body asks for: a field it holds replaces the stored value ({@code null} clears it), a field it lacks
     * keeps it. A field that is never null ({@code x-unset-value}) stores that value for null. A write-only secret
     * is never read back, so null keeps it too (a record read and sent back loses nothing); an empty string removes it.
     */
    private EmailAccountWrite write(Map<EmailAccountField, Object> sent) {
        Map<EmailAccountField, Object> values = new LinkedHashMap<>();
        sent.forEach((field, value) -> {
            if (value == null && field.unsetValue() != null) {
                values.put(field, field.unsetValue());
            } else if (!field.secret()) {
                values.put(field, value);
            } else if (value != null) {
                values.put(field, ((String) value).isEmpty() ? null : value);
            }
        });
        return new EmailAccountWrite((Long) values.get(schema.businessId()), values);
    }

    /** The record as reads answer it: every property but the secrets, the derived ones computed, times in UTC. */
    EmailAccount record(EmailAccountRecord stored) {
        return record.write(field -> inUtc(valueOf(field, stored)));
    }

    private Object valueOf(EmailAccountField field, EmailAccountRecord stored) {
        if (field.sameAs() != null) {
            return stored.value(sources.get(field));
        }
        return field.stored() ? stored.value(field) : field.constant();
    }

    private static Object inUtc(Object value) {
        return value instanceof OffsetDateTime time ? time.withOffsetSameInstant(ZoneOffset.UTC) : value;
    }
}
