package io.emailaccounts.server.emailaccount.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.emailaccounts.contract.SearchFilter.Bound;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The search's parameters ({@link EmailAccountSearchParameters}, generated from the contract) as a query: each filter
 * given becomes a condition on the property it names (the generated {@link EmailAccountSearchParameters#narrow}), one
 * whose property is derived ({@code x-same-as}) on the column of the property it answers; {@code orderBy} takes the
 * properties its enum lists ({@link EmailAccountField#orderable}). A filter the contract gains works with no code
 * here.
 */
@Component
public class SearchFilters {

    static final String BATCH_IDS = "id";
    static final int MAX_BATCH_IDS = 1000;

    private final EmailAccountSchema schema;
    private final Map<String, EmailAccountField<?>> orderFields = new HashMap<>();

    /** @throws IllegalStateException when a filter or an order value names a property that cannot be searched */
    SearchFilters(EmailAccountSchema schema) {
        this.schema = schema;
        List<String> problems = new ArrayList<>();
        schema.fields().stream().filter(EmailAccountField::filterable).filter(field -> !searchable(field))
                .forEach(field -> problems.add("a filter names " + field.name() + ", which is not a stored, readable property"));
        schema.fields().stream().filter(EmailAccountField::orderable).forEach(field -> {
            if (field.secret()) {
                problems.add("orderBy names " + field.name() + ", which is write-only");
            }
            orderFields.put(field.name(), field);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The search parameters of the contract cannot be served: " + String.join("; ", problems));
        }
    }

    private boolean searchable(EmailAccountField<?> field) {
        EmailAccountField<?> compared = stored(field);
        return compared.stored() && !compared.secret();
    }

    /** The stored property a filter on {@code field} compares: itself, or the one it is the same as. */
    private <T> EmailAccountField<T> stored(EmailAccountField<T> field) {
        return schema.source(field);
    }

    /** Whether the request is a batch read by Ids rather than a search. */
    public static boolean isBatchRead(EmailAccountSearchParameters parameters) {
        return parameters.id() != null;
    }

    /**
     * The query the parameters ask for; the contract has already checked each parameter's form.
     *
     * @param descending whether {@code dir} asks for the largest first
     * @throws RequestValidationException naming every parameter whose value cannot be used
     */
    public EmailAccountQuery query(EmailAccountSearchParameters parameters, boolean descending) {
        EmailAccountQuery query = new EmailAccountQuery(schema.id());
        List<PropertyViolation> violations = new ArrayList<>();
        parameters.narrow(new Filters() {
            @Override
            public <T> void value(String parameter, EmailAccountField<T> field, Bound bound, T value) {
                EmailAccountField<T> compared = stored(field);
                switch (bound) {
                    case EQUAL -> query.equalTo(compared, value);
                    case FROM -> query.atLeast(compared, value);
                    case TO -> query.atMost(compared, value);
                }
            }

            @Override
            public void time(String parameter, EmailAccountField<OffsetDateTime> field, Bound bound, String text) {
                try {
                    narrow(query, stored(field), bound, TimeBound.parse(parameter, text));
                } catch (RequestValidationException e) {
                    violations.addAll(e.violations());
                }
            }
        });
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        EmailAccountField<?> orderBy = parameters.orderBy() == null ? null : orderFields.get(parameters.orderBy());
        // page and size have defaults in the contract, which the generated controller gives when a request does not.
        return query.orderBy(orderBy, descending).page(parameters.page(), parameters.size());
    }

    /**
     * A time given to the minute stands for that whole minute: equal to it is within it, up to it includes it.
     */
    private static void narrow(EmailAccountQuery query, EmailAccountField<OffsetDateTime> field, Bound bound, TimeBound time) {
        switch (bound) {
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
