package io.emailaccounts.server.emailaccount.persistence;

import static io.emailaccounts.server.emailaccount.EmailAccountProperties.CREATED_ON;
import static io.emailaccounts.server.emailaccount.EmailAccountProperties.ID;
import static io.emailaccounts.server.emailaccount.EmailAccountProperties.UNIQUE_ID;
import static io.emailaccounts.server.emailaccount.EmailAccountProperties.UPDATED_BY;
import static io.emailaccounts.server.emailaccount.EmailAccountProperties.UPDATED_ON;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.emailaccounts.server.emailaccount.BusinessScope;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountRecord;

/**
 * Reads and writes single rows of {@code email_account} by Id. Besides the fields it is given, it keeps the
 * bookkeeping columns itself: the UUID, the creation and change times, who changed the row last, and its version.
 */
@Repository
public class EmailAccountRepository {

    private final JdbcClient jdbc;
    private final EmailAccountTable table;

    EmailAccountRepository(JdbcClient jdbc, EmailAccountTable table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** @param scope the businesses the row must belong to */
    public Optional<EmailAccountRecord> findById(long id, BusinessScope scope) {
        return inBusinesses(jdbc.sql(table.select() + " WHERE " + ID.column() + " = :id" + inBusinesses(scope)).param("id", id), scope)
                .query(table.rows())
                .optional();
    }

    /** The rows with these Ids (of the scope's businesses), in no particular order; unknown Ids are left out. */
    public List<EmailAccountRecord> findByIds(Collection<Long> ids, BusinessScope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return inBusinesses(jdbc.sql(table.select() + " WHERE " + ID.column() + " IN (:ids)" + inBusinesses(scope)).param("ids", ids), scope)
                .query(table.rows())
                .list();
    }

    /**
     * Writes the given fields of one row in a single statement, so that an update is one round trip and fields that
     * are not given keep their values; raises the row's version.
     *
     * @param scope      the businesses the row must belong to
     * @param versions   the versions the row must be at; null for any
     * @return the row's new version, read back by the same statement; empty when the row did not meet the conditions
     *         (and was not updated)
     */
    public OptionalLong update(long id, Map<EmailAccountField<?>, Object> values, OffsetDateTime updatedOn, String updatedBy,
                               BusinessScope scope, Collection<Long> versions) {
        String assignments = values.keySet().stream()
                .map(field -> field.column() + " = :" + field.column() + ", ")
                .collect(Collectors.joining());
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE " + EmailAccountTable.NAME + " SET " + assignments
                        + UPDATED_ON.column() + " = :updated_on, " + UPDATED_BY.column() + " = :updated_by, version = version + 1"
                        + " WHERE " + ID.column() + " = :id"
                        + inBusinesses(scope) + (versions == null ? "" : " AND version IN (:versions)"))
                .param("id", id)
                .param("updated_on", updatedOn)
                .param("updated_by", updatedBy);
        if (versions != null) {
            statement = statement.param("versions", versions.isEmpty() ? List.of(-1L) : versions);
        }
        // A secret is sealed for its row: its unique_id, read first (only then; a row that is not there is not updated).
        UUID row = EmailAccountTable.holdsSecret(values) ? findUniqueId(id, scope).orElseGet(UUID::randomUUID) : null;
        KeyHolder newVersion = new GeneratedKeyHolder();
        if (table.bind(inBusinesses(statement, scope), values, row).update(newVersion, EmailAccountTable.VERSION) != 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(((Number) newVersion.getKeys().get(EmailAccountTable.VERSION)).longValue());
    }

    /** The row's version; empty when there is no such row (of the scope's businesses). */
    public Optional<Long> findVersion(long id, BusinessScope scope) {
        return inBusinesses(jdbc.sql("SELECT version FROM " + EmailAccountTable.NAME + " WHERE " + ID.column() + " = :id" + inBusinesses(scope))
                .param("id", id), scope)
                .query(Long.class)
                .optional();
    }

    private Optional<UUID> findUniqueId(long id, BusinessScope scope) {
        return inBusinesses(jdbc.sql("SELECT " + UNIQUE_ID.column() + " FROM " + EmailAccountTable.NAME + " WHERE " + ID.column()
                        + " = :id" + inBusinesses(scope)).param("id", id), scope)
                .query(UUID.class)
                .optional();
    }

    /** Inserts a row; fields that are not given are null. @return the new row's Id */
    public long insert(Map<EmailAccountField<?>, Object> values, OffsetDateTime createdOn, String createdBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        insertStatement(values, false, createdOn, createdBy).update(keys, EmailAccountTable.ID);
        return keys.getKeyAs(Long.class);
    }

    /** Inserts a row with the given Id; used for the demo record. */
    public void insertWithId(long id, Map<EmailAccountField<?>, Object> values, OffsetDateTime createdOn, String createdBy) {
        insertStatement(values, true, createdOn, createdBy).param("id", id).update();
    }

    /** @return whether the row existed (in the scope's businesses) */
    public boolean delete(long id, BusinessScope scope) {
        return inBusinesses(jdbc.sql("DELETE FROM " + EmailAccountTable.NAME + " WHERE " + ID.column() + " = :id" + inBusinesses(scope))
                .param("id", id), scope)
                .update() == 1;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM " + EmailAccountTable.NAME).query(Long.class).single() == 0;
    }

    private JdbcClient.StatementSpec insertStatement(Map<EmailAccountField<?>, Object> values, boolean withId,
                                                     OffsetDateTime createdOn, String createdBy) {
        String columns = values.keySet().stream().map(field -> ", " + field.column()).collect(Collectors.joining());
        String parameters = values.keySet().stream().map(field -> ", :" + field.column()).collect(Collectors.joining());
        UUID row = UUID.randomUUID();
        JdbcClient.StatementSpec statement = jdbc.sql("INSERT INTO " + EmailAccountTable.NAME + " (" + (withId ? ID.column() + ", " : "")
                        + String.join(", ", UNIQUE_ID.column(), CREATED_ON.column(), UPDATED_ON.column(), UPDATED_BY.column())
                        + columns + ") VALUES ("
                        + (withId ? ":id, " : "") + ":unique_id, :created_on, :created_on, :updated_by" + parameters + ")")
                .param("unique_id", row)
                .param("created_on", createdOn)
                .param("updated_by", createdBy);
        return table.bind(statement, values, row);
    }

    private String inBusinesses(BusinessScope scope) {
        return scope.isEvery() ? "" : " AND " + table.businessColumn() + " IN (:businesses)";
    }

    private static JdbcClient.StatementSpec inBusinesses(JdbcClient.StatementSpec statement, BusinessScope scope) {
        return scope.isEvery() ? statement : statement.param("businesses", scope.businesses());
    }
}
