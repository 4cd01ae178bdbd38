package io.emailaccounts.server.emailaccount;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.emailaccounts.server.contract.ApiContract;
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
    static final String RECORD_SCHEMA = "EmailAccount";
    /** The schema of the writable fields, the body of a create. */
    static final String WRITABLE_SCHEMA = "EmailAccountFields";

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
        JsonNode schemas = contract.document().path("components").path("schemas");
        Map<String, JsonNode> writable = contract.properties(schemas.path(WRITABLE_SCHEMA));
        Set<String> required = new TreeSet<>();
        schemas.path(WRITABLE_SCHEMA).path("required").forEach(name -> required.add(name.asString()));
        Set<String> requiredInRecord = requiredProperties(contract, schemas.path(RECORD_SCHEMA));
        Map<String, EmailAccountField> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        contract.properties(schemas.path(RECORD_SCHEMA)).forEach((name, declared) -> {
            JsonNode schema = typeOf(contract, declared);
            ValueType type;
            try {
                type = ValueType.of(schema.path("type").asString(""), schema.path("format").asString(""));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
                return;
            }
            String sameAs = declared.path("x-same-as").asString(null);
            JsonNode constant = declared.get("x-constant");
            boolean derived = sameAs != null || constant != null;
            if (derived && writable.containsKey(name)) {
                problems.add(name + ": a writable property cannot be derived (x-same-as, x-constant)");
            }
            // An example may sit on the property or on the schema it refers to (the enums).
            JsonNode example = declared.has("example") ? declared.get("example") : schema.get("example");
            JsonNode unsetValue = writable.containsKey(name) ? writable.get(name).get("x-unset-value") : null;
            if (unsetValue != null && (!requiredInRecord.contains(name) || declared.path("nullable").asBoolean(false))) {
                problems.add(name + ": a property with x-unset-value is never null, so " + RECORD_SCHEMA
                        + " must list it as required and not nullable");
            }
            fields.put(name, new EmailAccountField(name, type, derived ? null : columnOf(name), writable.containsKey(name),
                    required.contains(name), declared.path("writeOnly").asBoolean(false), sameAs, valueOf(type, constant),
                    valueOf(type, example), valueOf(type, unsetValue)));
        });
        fields.values().stream().filter(field -> field.sameAs() != null)
                .filter(field -> !fields.containsKey(field.sameAs()) || !fields.get(field.sameAs()).stored())
                .forEach(field -> problems.add(field.name() + ": x-same-as names " + field.sameAs() + ", which is not a stored property"));
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

    /** The required properties of an object schema, its {@code allOf} parts included. */
    private static Set<String> requiredProperties(ApiContract contract, JsonNode schema) {
        Set<String> required = new TreeSet<>();
        JsonNode resolved = contract.resolve(schema);
        resolved.path("allOf").forEach(part -> required.addAll(requiredProperties(contract, part)));
        resolved.path("required").forEach(name -> required.add(name.asString()));
        return required;
    }

    /** The schema that gives a property its type: itself, or what its {@code $ref} or single {@code allOf} points to. */
    private static JsonNode typeOf(ApiContract contract, JsonNode declared) {
        JsonNode schema = contract.resolve(declared);
        while (!schema.has("type") && schema.path("allOf").size() == 1) {
            schema = contract.resolve(schema.path("allOf").get(0));
        }
        return schema;
    }
}
