package io.emailaccounts.server.emailaccount.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.emailaccounts.server.emailaccount.service.EmailAccountProperty;
import io.emailaccounts.server.emailaccount.service.EmailAccountQuery;
import io.emailaccounts.server.generated.model.SortDirection;
import io.emailaccounts.server.web.validation.PropertyViolation;
import io.emailaccounts.server.web.validation.RequestValidationException;
import tools.jackson.databind.node.JsonNodeFactory;

/** Turns the query parameters of a search into an {@link EmailAccountQuery}, one filter at a time. */
final class SearchParameters {

    static final int MAX_BATCH_IDS = 1000;

    private final EmailAccountQuery query = new EmailAccountQuery();

    SearchParameters(Integer page, Integer size, String orderBy, SortDirection dir) {
        query.page(page == null ? 1 : page, size == null ? 25 : size)
                .orderBy(orderBy == null ? EmailAccountProperty.ID : EmailAccountProperty.named(orderBy),
                        dir == SortDirection.Descending || dir == SortDirection.AlsoDescending);
    }

    EmailAccountQuery query() {
        return query;
    }

    /** {@code EmailAccount_<Field>=value}: records whose property equals the value. */
    <T> SearchParameters equalTo(EmailAccountProperty property, T value, Function<T, Object> stored) {
        if (value != null) {
            query.equalTo(property, stored.apply(value));
        }
        return this;
    }

    <T> SearchParameters equalTo(EmailAccountProperty property, T value) {
        return equalTo(property, value, stored -> stored);
    }

    /** {@code from_EmailAccount_<Field>} and {@code to_EmailAccount_<Field>}: an inclusive range. */
    SearchParameters between(EmailAccountProperty property, Object from, Object to) {
        if (from != null) {
            query.atLeast(property, from);
        }
        if (to != null) {
            query.atMost(property, to);
        }
        return this;
    }

    /** A time equality filter; a time given to the minute matches that whole minute. */
    SearchParameters equalToTime(EmailAccountProperty property, String parameter, String value) {
        if (value != null) {
            TimeBound time = TimeBound.parse(parameter, value);
            if (time.wholeMinute()) {
                query.atLeast(property, time.start()).before(property, time.end());
            } else {
                query.equalTo(property, time.start());
            }
        }
        return this;
    }

    /** An inclusive time range; an upper bound given to the minute includes that whole minute. */
    SearchParameters betweenTimes(EmailAccountProperty property, String fromParameter, String from, String toParameter, String to) {
        if (from != null) {
            query.atLeast(property, TimeBound.parse(fromParameter, from).start());
        }
        if (to != null) {
            TimeBound upper = TimeBound.parse(toParameter, to);
            if (upper.wholeMinute()) {
                query.before(property, upper.end());
            } else {
                query.atMost(property, upper.start());
            }
        }
        return this;
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
        return new RequestValidationException(new PropertyViolation("id", JsonNodeFactory.instance.stringNode(value), message));
    }
}
