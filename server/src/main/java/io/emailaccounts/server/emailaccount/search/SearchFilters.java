package io.emailaccounts.server.emailaccount.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.SearchFilter;
import io.emailaccounts.contract.SearchFilter.Bound;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The search's parameters ({@link EmailAccountSearchParameters}, generated from the contract) as a query. Each filter
 * is found at start-up by the contract's naming rule ({@link SearchFilter}: {@code EmailAccount_<Property>} for
 * equality, {@code from_}/{@code to_} for an inclusive range, {@code x-property} where the name does not say the
 * property) and becomes a condition on its property's column; {@code orderBy} takes the properties its enum lists
 * ({@link EmailAccountField#orderable}). A
 * filter the contract gains works with no code here; one that names no stored property stops the server at start-up.
 */
@Component
public class SearchFilters {

    static final String OPERATION_ID = "searchEmailAccounts";
    private static final String ORDER_BY = "orderBy";
    static final int DEFAULT_PAGE = 1;
    static final int DEFAULT_SIZE = 25;
    static final String BATCH_IDS = "id";
    static final int MAX_BATCH_IDS = 1000;

    private record Filter(EmailAccountField<?> field, Bound bound) {
    }

    private final EmailAccountSchema schema;
    private final Map<String, Filter> filters = new HashMap<>();
    private final Map<String, EmailAccountField<?>> orderFields = new HashMap<>();

    SearchFilters(ApiContract contract, EmailAccountSchema schema) {
        this.schema = schema;
        List<String> problems = new ArrayList<>();
        ApiContract.Operation operation = contract.operation(OPERATION_ID);
        for (SearchFilter filter : operation.filters()) {
            searchable(filter.property(), filter.parameter(), problems)
                    .ifPresent(field -> filters.put(filter.parameter(), new Filter(field, filter.bound())));
        }
        schema.fields().stream().filter(EmailAccountField::orderable).forEach(field -> {
            if (field.secret()) {
                problems.add(ORDER_BY + " value " + field.name() + " names a write-only property");
            }
            orderFields.put(field.name(), field);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The search parameters of the contract cannot be served: " + String.join("; ", problems));
        }
    }

    /** The stored field a filter on {@code property} compares; empty (with a problem noted) when there is none. */
    private Optional<EmailAccountField<?>> searchable(String property, String parameter, List<String> problems) {
        Optional<EmailAccountField<?>> field = schema.named(property)
                .<EmailAccountField<?>>map(named -> named.sameAs() == null ? named : schema.named(named.sameAs()).orElseThrow())
                .filter(named -> named.stored() && !named.secret());
        if (field.isEmpty()) {
            problems.add(parameter + " filters on " + property + ", which is not a stored, readable property of EmailAccount"
                    + " (name it with " + SearchFilter.PROPERTY + ")");
        }
        return field;
    }

    /** Whether the request is a batch read by Ids rather than a search. */
    public static boolean isBatchRead(EmailAccountSearchParameters parameters) {
        return parameters.id() != null;
    }

    /**
     * The query the parameters ask for; the contract has already checked each parameter's form.
     *
     * @throws RequestValidationException naming every parameter whose value cannot be used
     */
    public EmailAccountQuery query(EmailAccountSearchParameters parameters) {
        EmailAccountQuery query = new EmailAccountQuery(schema.id());
        List<PropertyViolation> violations = new ArrayList<>();
        parameters.given().forEach((name, value) -> {
            Filter filter = filters.get(name);
            if (filter != null) {
                try {
                    narrow(query, filter.field(), filter.bound(), name, value);
                } catch (RequestValidationException e) {
                    violations.addAll(e.violations());
                }
            }
        });
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        EmailAccountField<?> orderBy = parameters.orderBy() == null ? null : orderFields.get(parameters.orderBy());
        return query
                .orderBy(orderBy, parameters.dir() != null && parameters.dir() != 0)
                .page(parameters.page() == null ? DEFAULT_PAGE : parameters.page(), parameters.size() == null ? DEFAULT_SIZE : parameters.size());
    }

    /**
     * Adds one filter's condition. A time given to the minute stands for that whole minute: equal to it is within
     * it, up to it includes it.
     */
    private static <T> void narrow(EmailAccountQuery query, EmailAccountField<T> field, Bound bound, String parameter, Object given) {
        if (field.javaType() == OffsetDateTime.class && given instanceof String text) {
            @SuppressWarnings("unchecked")
            EmailAccountField<OffsetDateTime> time = (EmailAccountField<OffsetDateTime>) field;
            TimeBound value = TimeBound.parse(parameter, text);
            switch (bound) {
                case EQUAL -> {
                    if (value.wholeMinute()) {
                        query.atLeast(time, value.start()).before(time, value.end());
                    } else {
                        query.equalTo(time, value.start());
                    }
                }
                case FROM -> query.atLeast(time, value.start());
                case TO -> {
                    if (value.wholeMinute()) {
                        query.before(time, value.end());
                    } else {
                        query.atMost(time, value.start());
                    }
                }
            }
            return;
        }
        T value = field.javaType().cast(given);
        switch (bound) {
            case EQUAL -> query.equalTo(field, value);
            case FROM -> query.atLeast(field, value);
            case TO -> query.atMost(field, value);
        }
    }

    /**
     * The Ids of a batch read, {@code [1,2,3]} (the contract has checked the form).
     *
     * @throws RequestValidationException naming {@code id} for too many Ids or one too large
     */
    public static List<Long> batchIds(EmailAccountSearchParameters parameters) {
        return batchIds(parameters.id());
    }

    static List<Long> batchIds(String value) {
        String[] parts = value.trim().substring(1, value.trim().length() - 1).split(",");
        if (parts.length > MAX_BATCH_IDS) {
            throw invalidIds(value, "must list at most " + MAX_BATCH_IDS + " Ids");
        }
        List<Long> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            try {
                ids.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw invalidIds(value, "must list Ids no greater than " + Long.MAX_VALUE);
            }
        }
        return ids;
    }

    private static RequestValidationException invalidIds(String value, String message) {
        return new RequestValidationException(new PropertyViolation(BATCH_IDS, JsonNodeFactory.instance.stringNode(value), message));
    }
}
