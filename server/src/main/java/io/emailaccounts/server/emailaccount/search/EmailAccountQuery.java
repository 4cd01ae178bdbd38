package io.emailaccounts.server.emailaccount.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.contract.SearchFilter.Bound;
import io.emailaccounts.server.emailaccount.BusinessScope;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.persistence.EmailAccountTable;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;

/**
 * A search as SQL: each filter the generated {@link EmailAccountSearchParameters#narrow} hands on becomes a condition
 * of the {@code WHERE} clause here ({@link #value}, {@link #time}), on the column of the property it names (or of the
 * property it is the same as, {@code x-same-as}); the conditions all hold. Then an order and a page. Made per request
 * by {@link SearchFilters#query}; run by {@link EmailAccountSearchRepository}.
 */
public final class EmailAccountQuery {

    private final EmailAccountSchema schema;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<PropertyViolation> invalid = new ArrayList<>();
    private EmailAccountField<?> orderBy;
    private boolean descending;
    private int page;
    private int size;

    /** A query for every record, in Id order: this page of this many records. */
    public EmailAccountQuery(EmailAccountSchema schema, int page, int size) {
        this.schema = schema;
        this.orderBy = schema.id();
        page(page, size);
    }

    /** A filter whose value has its property's type: the compiler checks that they agree. */
    public <T> void value(EmailAccountField<T> field, Bound bound, T value) {
        String column = schema.source(field).column();
        switch (bound) {
            case EQUAL -> where(column, "=", value);
            case FROM -> where(column, ">=", value);
            case TO -> where(column, "<=", value);
        }
    }

    /**
     * A filter on a time, written as text ({@code 2025-01-15T10:30}: to the minute, seconds and an offset allowed). A
     * time given to the minute stands for that whole minute: equal to it is within it, up to it includes it. A text
     * that is no such time is kept for {@link #validate} to report with the others.
     */
    public void time(String parameter, EmailAccountField<OffsetDateTime> field, Bound bound, String text) {
        TimeBound time;
        try {
            time = TimeBound.parse(parameter, text);
        } catch (RequestValidationException e) {
            invalid.addAll(e.violations());
            return;
        }
        String column = schema.source(field).column();
        switch (bound) {
            case EQUAL -> {
                if (time.wholeMinute()) {
                    where(column, ">=", time.start());
                    where(column, "<", time.end());
                } else {
                    where(column, "=", time.start());
                }
            }
            case FROM -> where(column, ">=", time.start());
            case TO -> {
                if (time.wholeMinute()) {
                    where(column, "<", time.end());
                } else {
                    where(column, "<=", time.start());
                }
            }
        }
    }

    private void where(String column, String operator, Object value) {
        String parameter = ":p" + values.size();
        conditions.add(column + " " + operator + " " + (value instanceof Collection ? "(" + parameter + ")" : parameter));
        values.add(value);
    }

    /** @throws RequestValidationException naming every filter whose value could not be used */
    void validate() {
        if (!invalid.isEmpty()) {
            throw new RequestValidationException(invalid);
        }
    }

    /** This query kept to the records of the scope's businesses. */
    public EmailAccountQuery within(BusinessScope scope) {
        EmailAccountQuery within = new EmailAccountQuery(schema, page, size);
        within.conditions.addAll(conditions);
        within.values.addAll(values);
        within.invalid.addAll(invalid);
        within.orderBy(orderBy, descending);
        if (!scope.isEvery()) {
            within.where(schema.businessId().column(), "IN", scope.businesses());
        }
        return within;
    }

    /** @param field the property to order by; null for the Id */
    public EmailAccountQuery orderBy(EmailAccountField<?> field, boolean descending) {
        this.orderBy = field == null ? schema.id() : field;
        this.descending = descending;
        return this;
    }

    /** @param page from 1 @param size at least 1 */
    public EmailAccountQuery page(int page, int size) {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page " + page + " of " + size + ": both must be at least 1");
        }
        this.page = page;
        this.size = size;
        return this;
    }

    /**
     * The conditions every record found meets, in SQL, in the order they were given, each value a parameter named by
     * its place ({@code :p0}, {@code :p1}, ...).
     */
    public List<String> conditions() {
        return List.copyOf(conditions);
    }

    /** The values of the conditions' parameters, in order. */
    public List<Object> values() {
        return List.copyOf(values);
    }

    /** {@code WHERE} and the conditions joined by {@code AND}; empty for none. */
    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * {@code ORDER BY} the property asked for and then the Id, both in the same direction (nulls last when ascending,
     * first when descending), so that an index on (column, id) serves it.
     */
    String order() {
        String direction = descending ? " DESC NULLS FIRST" : " ASC NULLS LAST";
        return " ORDER BY " + schema.orderColumn(orderBy).filter(column -> !column.equals(EmailAccountTable.ID))
                .map(column -> column + direction + ", ").orElse("") + EmailAccountTable.ID + direction;
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        for (int i = 0; i < values.size(); i++) {
            statement = statement.param("p" + i, values.get(i));
        }
        return statement;
    }

    /** Position of the page's first record in the whole result, from 0. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    public EmailAccountField<?> orderBy() {
        return orderBy;
    }

    public boolean descending() {
        return descending;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }
}
