package io.emailaccounts.server.emailaccount.persistence;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes rows of {@code email_account}. */
@Repository
public class EmailAccountRepository {

    private final JdbcClient jdbc;

    public EmailAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the given columns of one row in a single statement, so that an update is one round trip and
     * columns that are not given keep their values.
     *
     * @return whether the row exists (and was updated)
     */
    public boolean update(long id, Map<EmailAccountColumn, Object> values, OffsetDateTime updatedOn, String updatedBy) {
        String assignments = values.keySet().stream()
                .map(column -> column.sqlName() + " = :" + column.sqlName())
                .collect(Collectors.joining(", "));
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE email_account SET " + assignments
                        + (assignments.isEmpty() ? "" : ", ")
                        + "updated_on = :updated_on, updated_by = :updated_by WHERE id = :id")
                .param("id", id)
                .param("updated_on", updatedOn)
                .param("updated_by", updatedBy);
        return bind(statement, values).update() == 1;
    }

    /** Inserts a row with the given Id; used for the demo record. */
    public void insertWithId(long id, Map<EmailAccountColumn, Object> values, OffsetDateTime createdOn, String createdBy) {
        String columns = values.keySet().stream().map(EmailAccountColumn::sqlName).collect(Collectors.joining(", "));
        String parameters = values.keySet().stream().map(column -> ":" + column.sqlName()).collect(Collectors.joining(", "));
        JdbcClient.StatementSpec statement = jdbc.sql("INSERT INTO email_account (id, unique_id, created_on, updated_on, updated_by, "
                        + columns + ") VALUES (:id, :unique_id, :created_on, :created_on, :updated_by, " + parameters + ")")
                .param("id", id)
                .param("unique_id", UUID.randomUUID())
                .param("created_on", createdOn)
                .param("updated_by", createdBy);
        bind(statement, values).update();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single() == 0;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<EmailAccountColumn, Object> values) {
        for (Map.Entry<EmailAccountColumn, Object> value : values.entrySet()) {
            statement = statement.param(value.getKey().sqlName(), value.getValue());
        }
        return statement;
    }
}
