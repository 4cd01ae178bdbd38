package io.emailaccounts.server.emailaccount;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractProperty;
import io.emailaccounts.server.emailaccount.EmailAccountField.ValueType;
import tools.jackson.databind.JsonNode;

/**
 * The fields of an EmailAccount, read from the contract at start-up: the properties of the {@code EmailAccount}
 * schema, writable where {@code EmailAccountFields} lists them, each stored in the column named after it in snake_case
 * ({@code IncomingServerSSL} in {@code incoming_server_ssl}) unless the contract derives it from another
 * ({@code x-same-as}) or gives it a constant value ({@code x-constant}). This is the one list of fields the server
 * has: storage, mapping and search are all driven by it.
 */
public final class EmailAccountSchema {

    /** The schema of a record as reads answer it. */
    public static final String RECORD_SCHEMA = "EmailAccount";
    /** The schema of the writable fields, the body of a create. */
    public static final String WRITABLE_SCHEMA = "EmailAccountFields";

    private final Map<String, EmailAccountField> fields;
    private final EmailAccountField id;
    private final EmailAccountField businessId;

    private EmailAccountSchema(Map<String, EmailAccountField> fields) {
        this.fields = fields;
        this.id = named("Id").orElseThrow(() -> new IllegalStateException("The contract's EmailAccount has no Id"));
        this.businessId = named("BusinessId").orElseThrow(() -> new IllegalStateException("The contract's EmailAccount has no BusinessId"));
    }

    /** @throws IllegalStateException naming what is wrong when the contract's schemas cannot be stored */
    public static EmailAccountSchema of(ApiContract contract) {
        Map<String, ContractProperty> writable = contract.properties(WRITABLE_SCHEMA);
        Map<String, EmailAccountField> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        contract.properties(RECORD_SCHEMA).forEach((name, declared) -> {
            ValueType type;
            try {
                type = ValueType.of(declared.type(), declared.format());
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
                return;
            }
            ContractProperty written = writable.get(name);
            if (declared.derived() && written != null) {
                problems.add(name + ": a writable property cannot be derived (" + ContractProperty.SAME_AS + ", "
                        + ContractProperty.CONSTANT + ")");
            }
            JsonNode unsetValue = written == null ? null : written.unsetValue().orElse(null);
            if (unsetValue != null && (!declared.required() || declared.nullable())) {
                problems.add(name + ": a property with " + ContractProperty.UNSET_VALUE + " is never null, so " + RECORD_SCHEMA
                        + " must list it as required and not nullable");
            }
            fields.put(name, new EmailAccountField(name, type, declared.derived() ? null : columnOf(name), written != null,
                    written != null && written.required(), declared.writeOnly(), declared.sameAs().orElse(null),
                    valueOf(type, declared.constant().orElse(null)), valueOf(type, declared.example().orElse(null)),
                    valueOf(type, unsetValue), declared.maxLength().isPresent() ? declared.maxLength().getAsInt() : null));
        });
        fields.values().stream().filter(field -> field.sameAs() != null)
                .filter(field -> !fields.containsKey(field.sameAs()) || !fields.get(field.sameAs()).stored())
                .forEach(field -> problems.add(field.name() + ": " + ContractProperty.SAME_AS + " names " + field.sameAs()
                        + ", which is not a stored property"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The contract's " + RECORD_SCHEMA + " schema cannot be stored: " + String.join("; ", problems));
        }
        return new EmailAccountSchema(fields);
    }

    /** Every property, in the contract's order. */
    public List<EmailAccountField> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<EmailAccountField> named(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The record's Id, given by the server. */
    public EmailAccountField id() {
        return id;
    }

    /** The business a record belongs to, which decides who may see it. */
    public EmailAccountField businessId() {
        return businessId;
    }

    /**
     * The column whose order is this property's: its own, or the one of the property it is the same as; empty for a
     * constant, whose order is the tie-breaker's (the Id) alone.
     */
    public Optional<String> orderColumn(EmailAccountField field) {
        return field.sameAs() != null ? Optional.of(fields.get(field.sameAs()).column()) : Optional.ofNullable(field.column());
    }

    /** {@code IncomingServerSSL} to {@code incoming_server_ssl}: a word starts at a capital after a small letter or digit, or before a small letter. */
    static String columnOf(String propertyName) {
        StringBuilder column = new StringBuilder();
        for (int i = 0; i < propertyName.length(); i++) {
            char c = propertyName.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char previous = propertyName.charAt(i - 1);
                boolean nextIsLower = i + 1 < propertyName.length() && Character.isLowerCase(propertyName.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous) || (Character.isUpperCase(previous) && nextIsLower)) {
                    column.append('_');
                }
            }
            column.append(Character.toLowerCase(c));
        }
        return column.toString();
    }

    private static Object valueOf(ValueType type, JsonNode value) {
        return value == null || value.isNull() ? null : type.parse(value.asString());
    }
}
