package io.emailaccounts.server.emailaccount.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.emailaccounts.server.emailaccount.persistence.EmailAccountTable;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;

/** Searches {@code email_account}: the rows that meet every condition, a page at a time, and how many there are. */
@Repository
public class EmailAccountSearchRepository {

    private final JdbcClient jdbc;
    private final EmailAccountTable table;

    EmailAccountSearchRepository(JdbcClient jdbc, EmailAccountTable table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * One page of the rows that meet every condition, ordered by {@code orderColumn} and then by Id, both in the same
     * direction (nulls last when ascending, first when descending), so that an index on (column, id) serves it.
     *
     * @param orderColumn the column to order by; empty for the Id alone
     */
    public List<EmailAccountRecord> search(List<SearchCondition> conditions, Optional<String> orderColumn, boolean descending,
                                           long offset, int limit) {
        String direction = descending ? " DESC NULLS FIRST" : " ASC NULLS LAST";
        Where where = where(conditions);
        String order = orderColumn.filter(column -> !column.equals(EmailAccountTable.ID))
                .map(column -> column + direction + ", ")
                .orElse("") + EmailAccountTable.ID + direction;
        return where.bind(jdbc.sql(table.select() + where.sql() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"))
                .param("limit", limit)
                .param("offset", offset)
                .query(table.rows())
                .list();
    }

    public long count(List<SearchCondition> conditions) {
        Where where = where(conditions);
        return where.bind(jdbc.sql("SELECT COUNT(*) FROM " + EmailAccountTable.NAME + where.sql())).query(Long.class).single();
    }

    private static Where where(List<SearchCondition> conditions) {
        List<String> clauses = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (SearchCondition condition : conditions) {
            String parameter = ":p" + values.size();
            clauses.add(condition.field().column() + " " + condition.operator().sql() + " "
                    + (condition.operator() == SearchCondition.Operator.IN ? "(" + parameter + ")" : parameter));
            values.add(condition.value());
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), values);
    }

    private record Where(String sql, List<Object> values) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            for (int i = 0; i < values.size(); i++) {
                statement = statement.param("p" + i, values.get(i));
            }
            return statement;
        }
    }
}
