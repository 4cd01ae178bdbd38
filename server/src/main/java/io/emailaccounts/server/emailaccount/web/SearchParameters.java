package io.emailaccounts.server.emailaccount.web;

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
import io.emailaccounts.server.emailaccount.EmailAccountField.ValueType;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.service.EmailAccountQuery;
import io.emailaccounts.server.generated.model.SortDirection;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The query parameters of the search operation as the contract declares them, read at start-up: each filter
 * ({@link SearchFilter}: equality or an inclusive range on a property) becomes a condition on that property's column,
 * and {@code orderBy} takes the properties its enum lists. A filter the contract gains works with no code here; one
 * that names no stored property stops the server at start-up.
 */
@Component
class SearchParameters {

    static final String OPERATION_ID = "searchEmailAccounts";
    static final String PAGE = "page";
    static final String SIZE = "size";
    static final String ORDER_BY = "orderBy";
    static final String DIRECTION = "dir";
    static final String BATCH_IDS = "id";
    static final int MAX_BATCH_IDS = 1000;

    private record Filter(EmailAccountField<?> field, Bound bound) {
    }

    private final EmailAccountSchema schema;
    private final Map<String, Filter> filters = new HashMap<>();
    private final Map<String, EmailAccountField<?>> orderFields = new HashMap<>();

    SearchParameters(ApiContract contract, EmailAccountSchema schema) {
        this.schema = schema;
        List<String> problems = new ArrayList<>();
        ApiContract.Operation operation = contract.operation(OPERATION_ID);
        for (SearchFilter filter : operation.filters()) {
            searchable(filter.property(), filter.parameter(), problems)
                    .ifPresent(field -> filters.put(filter.parameter(), new Filter(field, filter.bound())));
        }
        operation.parameter(ORDER_BY).flatMap(parameter -> contract.enumOf(parameter.path("schema"))).ifPresent(order ->
                order.valueTexts().forEach(value -> schema.named(value).filter(field -> !field.secret())
                        .ifPresentOrElse(field -> orderFields.put(value, field),
                                () -> problems.add(ORDER_BY + " value " + value + " names no readable property"))));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The search parameters of the contract cannot be served: " + String.join("; ", problems));
        }
    }

    /** The stored field a filter on {@code property} compares; empty (with a problem noted) when there is none. */
    private Optional<EmailAccountField<?>> searchable(String property, String parameter, List<String> problems) {
        Optional<EmailAccountField<?>> field = schema.named(property)
                .map(named -> named.sameAs() == null ? named : schema.named(named.sameAs()).orElseThrow())
                .filter(named -> named.stored() && !named.secret());
        if (field.isEmpty()) {
            problems.add(parameter + " filters on " + property + ", which is not a stored, readable property of EmailAccount"
                    + " (name it with " + SearchFilter.PROPERTY + ")");
        }
        return field;
    }

    /** Whether the request is a batch read by Ids rather than a search. */
    static boolean isBatchRead(Map<String, String[]> parameters) {
        return parameters.containsKey(BATCH_IDS);
    }

    /** The Ids of a batch read. */
    static List<Long> batchIds(Map<String, String[]> parameters) {
        return batchIds(parameters.get(BATCH_IDS)[0]);
    }

    /**
     * The query the parameters ask for; the contract has already checked each parameter's form.
     *
     * @throws RequestValidationException naming every parameter whose value cannot be used
     */
    EmailAccountQuery query(Map<String, String[]> parameters) {
        EmailAccountQuery query = new EmailAccountQuery(schema.id());
        List<PropertyViolation> violations = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            Filter filter = filters.get(parameter.getKey());
            if (filter != null) {
                try {
                    narrow(query, filter, parameter.getKey(), parameter.getValue()[0]);
                } catch (RequestValidationException e) {
                    violations.addAll(e.violations());
                } catch (IllegalArgumentException e) {
                    violations.add(new PropertyViolation(parameter.getKey(), JsonNodeFactory.instance.stringNode(parameter.getValue()[0]),
                            "is out of range for this filter"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        String direction = first(parameters, DIRECTION);
        String orderBy = first(parameters, ORDER_BY);
        String page = first(parameters, PAGE);
        String size = first(parameters, SIZE);
        return query
                .orderBy(orderBy == null ? null : orderFields.get(orderBy),
                        direction != null && SortDirection.fromValue(Integer.valueOf(direction)) != SortDirection.Ascending)
                .page(page == null ? 1 : Integer.parseInt(page), size == null ? 25 : Integer.parseInt(size));
    }

    /**
     * Adds one filter's condition. A time given to the minute stands for that whole minute: equal to it is within
     * it, up to it includes it.
     */
    private static void narrow(EmailAccountQuery query, Filter filter, String parameter, String text) {
        EmailAccountField<?> field = filter.field();
        if (field.type() == ValueType.DATE_TIME) {
            TimeBound time = TimeBound.parse(parameter, text);
            switch (filter.bound()) {
                case EQUAL -> {
                    if (time.wholeMinute()) {
                        query.atLeast(field, time.start()).before(field, time.end());
                    } else {
                        query.equalTo(field, time.start());
                    }
                }
                case FROM -> query.atLeast(field, time.start());
                case TO -> {
                    if (time.wholeMinute()) {
                        query.before(field, time.end());
                    } else {
                        query.atMost(field, time.start());
                    }
                }
            }
            return;
        }
        Object value = field.type().parse(text);
        switch (filter.bound()) {
            case EQUAL -> query.equalTo(field, value);
            case FROM -> query.atLeast(field, value);
            case TO -> query.atMost(field, value);
        }
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * The Ids of a batch read, {@code [1,2,3]} (the contract has checked the form).
     *
     * @throws RequestValidationException naming {@code id} for too many Ids or one too large
     */
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
