package io.emailaccounts.server.emailaccount.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.emailaccounts.server.contract.ApiContract;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountField.ValueType;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.service.EmailAccountQuery;
import io.emailaccounts.server.generated.model.SortDirection;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The query parameters of the search operation as the contract declares them, read at start-up: every
 * {@code EmailAccount_<Property>} parameter is an equality filter on that property (or on the one its
 * {@code x-property} names), {@code from_EmailAccount_<Property>} and {@code to_EmailAccount_<Property>} an inclusive
 * range, and {@code orderBy} takes the properties its enum lists. A filter the contract gains works with no code here;
 * one that names no property stops the server at start-up.
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

    private static final Pattern FILTER = Pattern.compile("(from_|to_)?EmailAccount_(\\w+)");

    private enum Bound { EQUAL, FROM, TO }

    private record Filter(EmailAccountField field, Bound bound) {
    }

    private final EmailAccountSchema schema;
    private final Map<String, Filter> filters = new HashMap<>();
    private final Map<String, EmailAccountField> orderFields = new HashMap<>();

    SearchParameters(ApiContract contract, EmailAccountSchema schema) {
        this.schema = schema;
        List<String> problems = new ArrayList<>();
        JsonNode operation = contract.operations().stream()
                .filter(candidate -> candidate.operationId().equals(OPERATION_ID)).findFirst()
                .map(found -> contract.document().path("paths").path(found.path()).path(found.method().name().toLowerCase()))
                .orElseThrow(() -> new IllegalStateException("The contract has no operation " + OPERATION_ID));
        for (JsonNode reference : operation.path("parameters")) {
            JsonNode parameter = contract.resolve(reference);
            String name = parameter.path("name").asString();
            Matcher filter = FILTER.matcher(name);
            if (filter.matches()) {
                String property = parameter.path("x-property").asString(filter.group(2));
                Bound bound = filter.group(1) == null ? Bound.EQUAL : filter.group(1).equals("from_") ? Bound.FROM : Bound.TO;
                searchable(property, name, problems).ifPresent(field -> filters.put(name, new Filter(field, bound)));
            } else if (name.equals(ORDER_BY)) {
                contract.resolve(parameter.path("schema")).path("enum").forEach(value -> schema.named(value.asString())
                        .filter(field -> !field.secret())
                        .ifPresentOrElse(field -> orderFields.put(value.asString(), field),
                                () -> problems.add(ORDER_BY + " value " + value.asString() + " names no readable property")));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The search parameters of the contract cannot be served: " + String.join("; ", problems));
        }
    }

    /** The stored field a filter on {@code property} compares; empty (with a problem noted) when there is none. */
    private Optional<EmailAccountField> searchable(String property, String parameter, List<String> problems) {
        Optional<EmailAccountField> field = schema.named(property)
                .map(named -> named.sameAs() == null ? named : schema.named(named.sameAs()).orElseThrow())
                .filter(named -> named.stored() && !named.secret());
        if (field.isEmpty()) {
            problems.add(parameter + " filters on " + property + ", which is not a stored, readable property of EmailAccount"
                    + " (name it with x-property)");
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
        EmailAccountField field = filter.field();
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
