package io.emailaccounts.server.emailaccount.search;

import java.util.ArrayList;
import java.util.List;

import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.search.SearchCondition.Operator;

/** What a search asks for: conditions that all hold, an order, and a page. Built with its fluent methods. */
public final class EmailAccountQuery {

    private final List<SearchCondition> conditions = new ArrayList<>();
    private final EmailAccountField<?> defaultOrder;
    private EmailAccountField<?> orderBy;
    private boolean descending;
    private int page;
    private int size;

    /** @param defaultOrder the order of a query that names none (the Id) */
    public EmailAccountQuery(EmailAccountField<?> defaultOrder) {
        this.defaultOrder = defaultOrder;
        this.orderBy = defaultOrder;
    }

    public <T> EmailAccountQuery equalTo(EmailAccountField<T> field, T value) {
        return where(field, Operator.EQUALS, value);
    }

    public <T> EmailAccountQuery atLeast(EmailAccountField<T> field, T value) {
        return where(field, Operator.AT_LEAST, value);
    }

    public <T> EmailAccountQuery atMost(EmailAccountField<T> field, T value) {
        return where(field, Operator.AT_MOST, value);
    }

    /** Strictly before: for an upper time bound given to the minute, which includes that whole minute. */
    public <T> EmailAccountQuery before(EmailAccountField<T> field, T value) {
        return where(field, Operator.BEFORE, value);
    }

    /** @param field the field to order by; null for the default order */
    public EmailAccountQuery orderBy(EmailAccountField<?> field, boolean descending) {
        this.orderBy = field == null ? defaultOrder : field;
        this.descending = descending;
        return this;
    }

    public EmailAccountQuery page(int page, int size) {
        this.page = page;
        this.size = size;
        return this;
    }

    private EmailAccountQuery where(EmailAccountField<?> field, Operator operator, Object value) {
        conditions.add(new SearchCondition(field, operator, value));
        return this;
    }

    /** The conditions every record found meets. */
    public List<SearchCondition> conditions() {
        return conditions;
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
