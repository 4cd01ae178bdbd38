package io.emailaccounts.server.emailaccount.persistence;

/** One condition of a search: {@code column operator value} ({@code IN} takes a collection). */
public record SearchCondition(EmailAccountColumn column, Operator operator, Object value) {

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
