package io.emailaccounts.server.emailaccount.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Maps the generated models to the service's types and back through the generated, typed mapping
 * ({@code EmailAccountModels}, generated from the contract beside the models), and applies the rules of a write: the
 * values of {@code x-unset-value}, the secrets that are kept, the derived properties. Generated types stop here.
 */
@Component
class EmailAccountMapping {

    private final EmailAccountSchema schema;
    /** The writable fields that are never null ({@code x-unset-value}). */
    private final List<EmailAccountField<?>> unsetOnCreate;

    EmailAccountMapping(EmailAccountSchema schema) {
        this.schema = schema;
        this.unsetOnCreate = schema.fields().stream().filter(field -> field.writable() && field.unsetValue() != null).toList();
    }

    /** A create: what the body leaves out is stored as null, or as its {@code x-unset-value}. */
    EmailAccountWrite write(EmailAccountFields body) {
        Sent sent = new Sent();
        EmailAccountModels.present(body, sent);
        unsetOnCreate.forEach(field -> sent.values.putIfAbsent(field, null));
        return write(sent.values);
    }

    EmailAccountWrite write(EmailAccountUpdate body) {
        Sent sent = new Sent();
        EmailAccountModels.present(body, sent);
        return write(sent.values);
    }

    /**
     * The write a body asks for: a field it holds replaces the stored value ({@code null} clears it), a field it lacks
     * keeps it. A field that is never null ({@code x-unset-value}) stores that value for null. A write-only secret
     * is never read back, so null keeps it too (a record read and sent back loses nothing); an empty string removes it.
     */
    private EmailAccountWrite write(Map<EmailAccountField<?>, Object> sent) {
        Map<EmailAccountField<?>, Object> values = new LinkedHashMap<>();
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
        return EmailAccountModels.record(new EmailAccountModels.Source() {
            @Override
            public <T> T get(EmailAccountField<T> field) {
                return field.javaType().cast(inUtc(valueOf(field, stored)));
            }
        });
    }

    private Object valueOf(EmailAccountField<?> field, EmailAccountRecord stored) {
        EmailAccountField<?> source = schema.source(field);
        return source.stored() ? stored.value(source) : field.constant();
    }

    private static Object inUtc(Object value) {
        return value instanceof OffsetDateTime time ? time.withOffsetSameInstant(ZoneOffset.UTC) : value;
    }

    /** The writable properties a body holds, with their values; any other it holds (an update's Id) is not written. */
    private static final class Sent implements EmailAccountModels.Sink {
        private final Map<EmailAccountField<?>, Object> values = new LinkedHashMap<>();

        @Override
        public <T> void put(EmailAccountField<T> field, T value) {
            if (field.writable()) {
                values.put(field, value);
            }
        }
    }
}
