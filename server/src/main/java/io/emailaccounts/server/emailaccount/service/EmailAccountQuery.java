package io.emailaccounts.server.emailaccount.service;

import java.util.ArrayList;
import java.util.List;

import io.emailaccounts.server.emailaccount.persistence.EmailAccountColumn;
import io.emailaccounts.server.emailaccount.persistence.SearchCondition;
import io.emailaccounts.server.emailaccount.persistence.SearchCondition.Operator;

/** What a search asks for: conditions that all hold, an order, and a page. Built with its fluent methods. */
public final class EmailAccountQuery {

    private final List<SearchCondition> conditions = new ArrayList<>();
    private EmailAccountProperty orderBy = EmailAccountProperty.ID;
    private boolean descending;
    private int page = 1;
    private int size = 25;

    public EmailAccountQuery equalTo(EmailAccountProperty property, Object value) {
        return where(property, Operator.EQUALS, value);
    }

    public EmailAccountQuery atLeast(EmailAccountProperty property, Object value) {
        return where(property, Operator.AT_LEAST, value);
    }

    public EmailAccountQuery atMost(EmailAccountProperty property, Object value) {
        return where(property, Operator.AT_MOST, value);
    }

    /** Strictly before: for an upper time bound given to the minute, which includes that whole minute. */
    public EmailAccountQuery before(EmailAccountProperty property, Object value) {
        return where(property, Operator.BEFORE, value);
    }

    public EmailAccountQuery orderBy(EmailAccountProperty property, boolean descending) {
        this.orderBy = property;
        this.descending = descending;
        return this;
    }

    public EmailAccountQuery page(int page, int size) {
        this.page = page;
        this.size = size;
        return this;
    }

    private EmailAccountQuery where(EmailAccountProperty property, Operator operator, Object value) {
        conditions.add(new SearchCondition(property.column(), operator, value));
        return this;
    }

    /** The conditions, limited to the caller's businesses. */
    List<SearchCondition> conditions(Caller caller) {
        if (caller.scope() == null) {
            return conditions;
        }
        List<SearchCondition> scoped = new ArrayList<>(conditions);
        scoped.add(new SearchCondition(EmailAccountColumn.BUSINESS_ID, Operator.IN, caller.scope()));
        return scoped;
    }

    public EmailAccountProperty orderBy() {
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
