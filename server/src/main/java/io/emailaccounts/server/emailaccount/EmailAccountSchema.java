package io.emailaccounts.server.emailaccount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractProperty;

/**
 * The fields of an EmailAccount: the properties the build generated from the contract
 * ({@link EmailAccountProperties}), checked at start-up against the contract the server serves, with the contract's
 * example of each. The server's code takes the fields from here or from the generated constants, the same list; a
 * schema made of another list ({@link #of(java.util.List)}, for tests of the start-up checks) changes what storage and
 * mapping see, not the generated sets of the orderable and filterable ones.
 */
public final class EmailAccountSchema {

    /** The schema of a record as reads answer it. */
    public static final String RECORD_SCHEMA = "EmailAccount";
    /** The schema of the writable fields, the body of a create. */
    public static final String WRITABLE_SCHEMA = "EmailAccountFields";

    private final List<EmailAccountField<?>> list;
    private final Map<String, EmailAccountField<?>> fields = new LinkedHashMap<>();
    private final Map<EmailAccountField<?>, Object> examples = new HashMap<>();
    /** For each property derived with {@code x-same-as}, the property whose value it answers; found once. */
    private final Map<EmailAccountField<?>, EmailAccountField<?>> sources = new HashMap<>();

    private EmailAccountSchema(List<EmailAccountField<?>> list) {
        this.list = List.copyOf(list);
        list.forEach(field -> fields.put(field.name(), field));
        list.stream().filter(field -> field.sameAs() != null && fields.containsKey(field.sameAs()))
                .forEach(field -> sources.put(field, fields.get(field.sameAs())));
    }

    /**
     * Fields other than the generated ones, with no examples: for the checks that compare fields with the database
     * (the start-up report of a column missing or too short), tried with a property the contract does not have.
     */
    public static EmailAccountSchema of(List<EmailAccountField<?>> fields) {
        return new EmailAccountSchema(fields);
    }

    /**
     * @throws IllegalStateException naming what is wrong when the generated properties are not the contract's (the
     *                               server was built from another contract), or the contract's cannot be stored
     */
    public static EmailAccountSchema of(ApiContract contract) {
        List<String> problems = new ArrayList<>();
        Map<String, ContractProperty> record = contract.properties(RECORD_SCHEMA);
        Map<String, ContractProperty> writable = contract.properties(WRITABLE_SCHEMA);
        List<String> generated = EmailAccountProperties.ALL.stream().map(EmailAccountField::name).toList();
        if (!generated.equals(List.copyOf(record.keySet()))) {
            problems.add("the server was built with the properties " + generated + " but the contract's are " + record.keySet()
                    + ": build it from this contract (mvn clean install)");
        }
        for (EmailAccountField<?> field : EmailAccountProperties.ALL) {
            ContractProperty declared = record.get(field.name());
            if (declared == null) {
                continue;
            }
            if (field.writable() != writable.containsKey(field.name())) {
                problems.add(field.name() + ": the server was built with it " + (field.writable() ? "" : "not ") + "writable");
            }
            if (field.unsetValue() != null && (!declared.required() || declared.nullable())) {
                problems.add(field.name() + ": a property with " + ContractProperty.UNSET_VALUE + " is never null, so " + RECORD_SCHEMA
                        + " must list it as required and not nullable");
            }
            if (field.sameAs() != null && EmailAccountProperties.ALL.stream().noneMatch(source -> source.name().equals(field.sameAs()) && source.stored())) {
                problems.add(field.name() + ": " + ContractProperty.SAME_AS + " names " + field.sameAs() + ", which is not a stored property");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The contract's " + RECORD_SCHEMA + " schema cannot be stored: " + String.join("; ", problems));
        }
        EmailAccountSchema schema = new EmailAccountSchema(EmailAccountProperties.ALL);
        record.forEach((name, declared) -> schema.named(name).ifPresent(field -> declared.example()
                .filter(example -> !example.isNull())
                .ifPresent(example -> schema.examples.put(field, field.parse(example.asString())))));
        return schema;
    }

    /** Every property, in the contract's order. */
    public List<EmailAccountField<?>> fields() {
        return list;
    }

    public Optional<EmailAccountField<?>> named(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The record's Id, given by the server. */
    public EmailAccountField<Long> id() {
        return EmailAccountProperties.ID;
    }

    /** The business a record belongs to, which decides who may see it. */
    public EmailAccountField<Long> businessId() {
        return EmailAccountProperties.BUSINESS_ID;
    }

    /** The contract's example of a property; null when it gives none. */
    public <T> T example(EmailAccountField<T> field) {
        return field.javaType().cast(examples.get(field));
    }

    /**
     * The column whose order is this property's: its own, or the one of the property it is the same as; empty for a
     * constant, whose order is the tie-breaker's (the Id) alone.
     */
    public Optional<String> orderColumn(EmailAccountField<?> field) {
        return Optional.ofNullable(source(field).column());
    }

    /** The property whose value this one answers: the one it is the same as ({@code x-same-as}), or itself. */
    @SuppressWarnings("unchecked")
    public <T> EmailAccountField<T> source(EmailAccountField<T> field) {
        return (EmailAccountField<T>) sources.getOrDefault(field, field);
    }
}
