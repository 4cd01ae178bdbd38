package io.emailaccounts.server.emailaccount.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.stereotype.Component;

import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.service.EmailAccountWrite;
import io.emailaccounts.server.generated.model.EmailAccount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the generated models to the service's types and back by the JSON names of the contract's fields, so that no
 * field is mapped by hand; generated types stop here.
 */
@Component
class EmailAccountMapping {

    private final EmailAccountSchema schema;
    private final List<EmailAccountField> writable;
    /** Leaves out an optional property the body did not have (an undefined JsonNullable), and keeps an explicit null. */
    private final JsonMapper json;

    EmailAccountMapping(EmailAccountSchema schema, JsonMapper json) {
        this.schema = schema;
        this.writable = schema.fields().stream().filter(EmailAccountField::writable).toList();
        this.json = json.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_ABSENT))
                .build();
    }

    /**
     * The write a create or update body asks for: a field it holds replaces the stored value ({@code null} clears it),
     * a field it lacks keeps it. A write-only secret reads back as null, so null keeps it too (a record read and sent
     * back loses nothing); an empty string removes it.
     */
    EmailAccountWrite write(Object body) {
        JsonNode sent = json.valueToTree(body);
        Map<EmailAccountField, Object> values = new LinkedHashMap<>();
        for (EmailAccountField field : writable) {
            JsonNode value = sent.get(field.name());
            if (value == null || (field.secret() && value.isNull())) {
                continue;
            }
            if (field.secret() && value.asString().isEmpty()) {
                values.put(field, null);
            } else {
                values.put(field, value.isNull() ? null : field.type().parse(value.asString()));
            }
        }
        return new EmailAccountWrite((Long) values.get(schema.businessId()), values);
    }

    /** The record as reads answer it: every property, the derived ones computed, the secrets null, times in UTC. */
    EmailAccount record(EmailAccountRecord stored) {
        ObjectNode answer = json.createObjectNode();
        for (EmailAccountField field : schema.fields()) {
            answer.set(field.name(), json.valueToTree(inUtc(valueOf(field, stored))));
        }
        return json.treeToValue(answer, EmailAccount.class);
    }

    private Object valueOf(EmailAccountField field, EmailAccountRecord stored) {
        if (field.secret()) {
            return null;
        }
        if (field.sameAs() != null) {
            return stored.value(schema.named(field.sameAs()).orElseThrow());
        }
        return field.stored() ? stored.value(field) : field.constant();
    }

    private static Object inUtc(Object value) {
        return value instanceof OffsetDateTime time ? time.withOffsetSameInstant(ZoneOffset.UTC) : value;
    }
}
