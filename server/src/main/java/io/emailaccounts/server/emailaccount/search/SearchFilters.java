package io.emailaccounts.server.emailaccount.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountProperties;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The search's parameters ({@link EmailAccountSearchParameters}, generated from the contract) as a query: the generated
 * {@link EmailAccountSearchParameters#narrow} hands each filter given to the {@link EmailAccountQuery}, which makes it a
 * condition in SQL; {@code orderBy} names one of the properties its enum lists
 * ({@link EmailAccountProperties#orderable}). A filter the contract gains works with no code here; at start-up, one
 * that names a property which cannot be searched stops the server.
 */
@Component
public class SearchFilters {

    static final String BATCH_IDS = "id";

    private final EmailAccountSchema schema;

    /** @throws IllegalStateException when a filter or an order value names a property that cannot be searched */
    SearchFilters(EmailAccountSchema schema) {
        this.schema = schema;
        List<String> problems = new ArrayList<>();
        schema.fields().stream().filter(EmailAccountField::filterable).filter(field -> !searchable(field))
                .forEach(field -> problems.add("a filter names " + field.name() + ", which is not a stored, readable property"));
        schema.fields().stream().filter(EmailAccountField::orderable).filter(EmailAccountField::secret)
                .forEach(field -> problems.add("orderBy names " + field.name() + ", which is write-only"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The search parameters of the contract cannot be served: " + String.join("; ", problems));
        }
    }

    private boolean searchable(EmailAccountField<?> field) {
        EmailAccountField<?> compared = schema.source(field);
        return compared.stored() && !compared.secret();
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
        // page and size have defaults in the contract, which the generated controller gives when a request does not.
        EmailAccountQuery query = new EmailAccountQuery(schema, parameters.page(), parameters.size());
        parameters.narrow(query);
        query.validate();
        return query.orderBy(parameters.orderBy() == null ? null : EmailAccountProperties.orderable(parameters.orderBy()), descending);
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
        if (parts.length > EmailAccountSearchParameters.ID_MAX_ITEMS) {
            throw invalidIds(value, "must list at most " + EmailAccountSearchParameters.ID_MAX_ITEMS + " Ids");
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
