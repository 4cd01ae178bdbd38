package io.emailaccounts.server.emailaccount.search;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.persistence.EmailAccountTable;

/** Runs an {@link EmailAccountQuery} on {@code email_account}: the rows it finds, a page at a time, and how many there are. */
@Repository
public class EmailAccountSearchRepository {

    private final JdbcClient jdbc;
    private final EmailAccountTable table;

    EmailAccountSearchRepository(JdbcClient jdbc, EmailAccountTable table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** One page of the rows that meet every condition of the query, in its order. */
    public List<EmailAccountRecord> search(EmailAccountQuery query) {
        return query.bind(jdbc.sql(table.select() + query.where() + query.order() + " LIMIT :limit OFFSET :offset"))
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(table.rows())
                .list();
    }

    /** How many rows meet every condition of the query. */
    public long count(EmailAccountQuery query) {
        return query.bind(jdbc.sql("SELECT COUNT(*) FROM " + EmailAccountTable.NAME + query.where())).query(Long.class).single();
    }
}
