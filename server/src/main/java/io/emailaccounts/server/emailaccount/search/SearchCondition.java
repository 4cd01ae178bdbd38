package io.emailaccounts.server.emailaccount.search;

import io.emailaccounts.server.emailaccount.EmailAccountField;

/** One condition of a search: {@code field operator value} ({@code IN} takes a collection). */
public record SearchCondition(EmailAccountField<?> field, Operator operator, Object value) {

    public SearchCondition {
        if (!field.stored()) {
            throw new IllegalArgumentException(field.name() + " is not stored: it cannot be searched");
        }
    }

    public enum Operator {
        EQUALS("="), AT_LEAST(">="), AT_MOST("<="), BEFORE("<"), IN("IN");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }
    }
}
