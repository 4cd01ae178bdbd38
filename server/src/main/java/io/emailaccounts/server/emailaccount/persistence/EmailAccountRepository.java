package io.emailaccounts.server.emailaccount.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.secrets.SecretCipher;

/** Reads and writes rows of {@code email_account}. */
@Repository
public class EmailAccountRepository {

    /** Every column a read answers: never the access tokens. */
    private static final String READ_COLUMNS = "id, unique_id, business_id, display_name, email_address, incoming_server, "
            + "incoming_server_type, incoming_server_port, incoming_server_username, delete_message_settings, "
            + "outgoing_server, outgoing_server_port, outgoing_server_username, last_message_id, error_count, active, "
            + "send_notification_on_new_messages, notification_email_address, incoming_server_ssl, outgoing_server_ssl, "
            + "reply_to_email, last_check_time, created_on, updated_on, updated_by, system_id, version";

    private static final RowMapper<EmailAccountRecord> ROWS = EmailAccountRepository::row;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public EmailAccountRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** @param businesses the businesses the row must belong to; null for any */
    public Optional<EmailAccountRecord> findById(long id, Collection<Long> businesses) {
        return inBusinesses(jdbc.sql("SELECT " + READ_COLUMNS + " FROM email_account WHERE id = :id" + inBusinesses(businesses))
                .param("id", id), businesses)
                .query(ROWS)
                .optional();
    }

    /** The rows with these Ids (of these businesses, unless null), in no particular order; unknown Ids are left out. */
    public List<EmailAccountRecord> findByIds(Collection<Long> ids, Collection<Long> businesses) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return inBusinesses(jdbc.sql("SELECT " + READ_COLUMNS + " FROM email_account WHERE id IN (:ids)" + inBusinesses(businesses))
                .param("ids", ids), businesses)
                .query(ROWS)
                .list();
    }

    /**
     * One page of the rows that meet every condition, ordered by {@code orderBy} and then by Id, both in the same
     * direction (nulls last when ascending, first when descending), so that an index on (column, id) serves it.
     */
    public List<EmailAccountRecord> search(List<SearchCondition> conditions, EmailAccountColumn orderBy, boolean descending,
                                        long offset, int limit) {
        String direction = descending ? "DESC NULLS FIRST" : "ASC NULLS LAST";
        Where where = where(conditions);
        String order = orderBy == EmailAccountColumn.ID
                ? "id " + direction
                : orderBy.sqlName() + " " + direction + ", id " + direction;
        return where.bind(jdbc.sql("SELECT " + READ_COLUMNS + " FROM email_account" + where.sql()
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"))
                .param("limit", limit)
                .param("offset", offset)
                .query(ROWS)
                .list();
    }

    public long count(List<SearchCondition> conditions) {
        Where where = where(conditions);
        return where.bind(jdbc.sql("SELECT COUNT(*) FROM email_account" + where.sql())).query(Long.class).single();
    }

    /**
     * Writes the given columns of one row in a single statement, so that an update is one round trip and columns that
     * are not given keep their values; raises the row's version.
     *
     * @param businesses the businesses the row must belong to; null for any
     * @param versions   the versions the row must be at; null for any
     * @return the row's new version, read back by the same statement; empty when the row did not meet the conditions
     *         (and was not updated)
     */
    public OptionalLong update(long id, Map<EmailAccountColumn, Object> values, OffsetDateTime updatedOn, String updatedBy,
                          Collection<Long> businesses, Collection<Long> versions) {
        String assignments = values.keySet().stream()
                .map(column -> column.sqlName() + " = :" + column.sqlName())
                .collect(Collectors.joining(", "));
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE email_account SET " + assignments
                        + (assignments.isEmpty() ? "" : ", ")
                        + "updated_on = :updated_on, updated_by = :updated_by, version = version + 1 WHERE id = :id"
                        + inBusinesses(businesses) + (versions == null ? "" : " AND version IN (:versions)"))
                .param("id", id)
                .param("updated_on", updatedOn)
                .param("updated_by", updatedBy);
        if (versions != null) {
            statement = statement.param("versions", versions.isEmpty() ? List.of(-1L) : versions);
        }
        KeyHolder newVersion = new GeneratedKeyHolder();
        if (bind(inBusinesses(statement, businesses), values).update(newVersion, "version") != 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(((Number) newVersion.getKeys().get("version")).longValue());
    }

    /** The row's version; empty when there is no such row (of these businesses, unless null). */
    public Optional<Long> findVersion(long id, Collection<Long> businesses) {
        return inBusinesses(jdbc.sql("SELECT version FROM email_account WHERE id = :id" + inBusinesses(businesses)).param("id", id),
                businesses)
                .query(Long.class)
                .optional();
    }

    /** Inserts a row; columns that are not given are null. @return the new row's Id */
    public long insert(Map<EmailAccountColumn, Object> values, OffsetDateTime createdOn, String createdBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        insertStatement(values, false, createdOn, createdBy).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Inserts a row with the given Id; used for the demo record. */
    public void insertWithId(long id, Map<EmailAccountColumn, Object> values, OffsetDateTime createdOn, String createdBy) {
        insertStatement(values, true, createdOn, createdBy).param("id", id).update();
    }

    /** @return whether the row existed (in these businesses, unless null) */
    public boolean delete(long id, Collection<Long> businesses) {
        return inBusinesses(jdbc.sql("DELETE FROM email_account WHERE id = :id" + inBusinesses(businesses)).param("id", id), businesses)
                .update() == 1;
    }

    private static String inBusinesses(Collection<Long> businesses) {
        return businesses == null ? "" : " AND business_id IN (:businesses)";
    }

    private static JdbcClient.StatementSpec inBusinesses(JdbcClient.StatementSpec statement, Collection<Long> businesses) {
        return businesses == null ? statement : statement.param("businesses", businesses);
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single() == 0;
    }

    private JdbcClient.StatementSpec insertStatement(Map<EmailAccountColumn, Object> values, boolean withId,
                                                     OffsetDateTime createdOn, String createdBy) {
        String columns = values.keySet().stream().map(EmailAccountColumn::sqlName).collect(Collectors.joining(", "));
        String parameters = values.keySet().stream().map(column -> ":" + column.sqlName()).collect(Collectors.joining(", "));
        JdbcClient.StatementSpec statement = jdbc.sql("INSERT INTO email_account (" + (withId ? "id, " : "")
                        + "unique_id, created_on, updated_on, updated_by, " + columns + ") VALUES ("
                        + (withId ? ":id, " : "") + ":unique_id, :created_on, :created_on, :updated_by, " + parameters + ")")
                .param("unique_id", UUID.randomUUID())
                .param("created_on", createdOn)
                .param("updated_by", createdBy);
        return bind(statement, values);
    }

    /** Binds the values; a secret never reaches the database but encrypted. */
    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<EmailAccountColumn, Object> values) {
        for (Map.Entry<EmailAccountColumn, Object> value : values.entrySet()) {
            EmailAccountColumn column = value.getKey();
            Object stored = column.secret() && value.getValue() != null
                    ? cipher.encrypt((String) value.getValue(), column.sqlName())
                    : value.getValue();
            statement = statement.param(column.sqlName(), stored);
        }
        return statement;
    }

    /**
     * Encrypts the secrets an older version stored in plain text.
     *
     * @return how many values were encrypted
     */
    public int encryptPlaintextSecrets() {
        int encrypted = 0;
        for (EmailAccountColumn column : EmailAccountColumn.values()) {
            if (!column.secret()) {
                continue;
            }
            List<Map<String, Object>> plaintext = jdbc.sql("SELECT id, " + column.sqlName() + " AS secret FROM email_account WHERE "
                            + column.sqlName() + " IS NOT NULL AND " + column.sqlName() + " NOT LIKE 'v1:%'")
                    .query().listOfRows();
            for (Map<String, Object> row : plaintext) {
                encrypted += bind(jdbc.sql("UPDATE email_account SET " + column.sqlName() + " = :" + column.sqlName()
                        + " WHERE id = :id").param("id", row.get("id")), Map.of(column, row.get("secret"))).update();
            }
        }
        return encrypted;
    }

    /**
     * Whether this server's key can read the secrets already stored: one encrypted value per secret column is tried
     * (a wrong key fails on every value alike).
     *
     * @return the Id of a record whose secret this key cannot decrypt; empty when every tried one decrypts
     */
    public Optional<Long> findSecretUnreadableWithThisKey() {
        for (EmailAccountColumn column : EmailAccountColumn.values()) {
            if (!column.secret()) {
                continue;
            }
            Optional<Map<String, Object>> sample = jdbc.sql("SELECT id, " + column.sqlName() + " AS secret FROM email_account WHERE "
                            + column.sqlName() + " LIKE 'v1:%' ORDER BY id FETCH FIRST 1 ROWS ONLY")
                    .query().listOfRows().stream().findFirst();
            if (sample.isPresent()) {
                try {
                    cipher.decrypt((String) sample.get().get("secret"), column.sqlName());
                } catch (IllegalArgumentException unreadable) {
                    return Optional.of(((Number) sample.get().get("id")).longValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Where where(List<SearchCondition> conditions) {
        List<String> clauses = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (SearchCondition condition : conditions) {
            String parameter = ":p" + values.size();
            clauses.add(condition.column().sqlName() + " " + condition.operator().sql() + " "
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

    private static EmailAccountRecord row(ResultSet rs, int rowNumber) throws SQLException {
        return new EmailAccountRecord(
                rs.getLong("id"),
                rs.getObject("unique_id", UUID.class),
                rs.getLong("business_id"),
                rs.getString("display_name"),
                rs.getString("email_address"),
                rs.getString("incoming_server"),
                rs.getInt("incoming_server_type"),
                rs.getInt("incoming_server_port"),
                rs.getString("incoming_server_username"),
                rs.getInt("delete_message_settings"),
                rs.getString("outgoing_server"),
                rs.getInt("outgoing_server_port"),
                rs.getString("outgoing_server_username"),
                rs.getLong("last_message_id"),
                rs.getInt("error_count"),
                rs.getObject("active", Boolean.class),
                rs.getObject("send_notification_on_new_messages", Boolean.class),
                rs.getString("notification_email_address"),
                rs.getObject("incoming_server_ssl", Boolean.class),
                rs.getObject("outgoing_server_ssl", Boolean.class),
                rs.getString("reply_to_email"),
                rs.getObject("last_check_time", OffsetDateTime.class),
                rs.getObject("created_on", OffsetDateTime.class),
                rs.getObject("updated_on", OffsetDateTime.class),
                rs.getString("updated_by"),
                rs.getString("system_id"),
                rs.getLong("version"));
    }
}
