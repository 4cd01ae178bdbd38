package io.emailaccounts.server.emailaccount.persistence;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountProperties;
import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.secrets.SecretCipher;
import io.emailaccounts.server.secrets.SecretPlace;

/**
 * The table {@code email_account} ({@code x-table}) as the contract's fields make it: one column per stored property
 * (named by the generated {@link EmailAccountProperties}) plus {@code version}. Builds the SQL every repository shares, maps rows to records, and
 * at start-up, once the migrations have run, checks that every stored property has its column, long enough for the
 * values the contract allows ({@code maxLength}).
 */
@Component
@DependsOnDatabaseInitialization
public class EmailAccountTable implements InitializingBean {

    /** The table ({@code x-table} of the record's schema). */
    public static final String NAME = EmailAccountProperties.TABLE;
    public static final String ID = EmailAccountProperties.ID.column();
    static final String VERSION = "version";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final EmailAccountSchema schema;
    /** Every stored property a read answers: never the secrets. */
    private final List<EmailAccountField<?>> readable;
    private final String selectColumns;
    /** The positions in the select list of the Id and the version (the readable fields come first, in order). */
    private final int idPosition;
    private final int versionPosition;
    private final RowMapper<EmailAccountRecord> rows = this::row;

    EmailAccountTable(JdbcClient jdbc, SecretCipher cipher, EmailAccountSchema schema) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.schema = schema;
        this.readable = schema.fields().stream().filter(field -> field.stored() && !field.secret()).toList();
        List<String> columns = new ArrayList<>(readable.stream().map(EmailAccountField::column).toList());
        if (!columns.contains(ID)) {
            columns.add(ID);
        }
        columns.add(VERSION);
        this.selectColumns = String.join(", ", columns);
        this.idPosition = columns.indexOf(ID) + 1;
        this.versionPosition = columns.size();
    }

    /**
     * A missing column, or one too short for the values the contract allows, is a start-up report naming the property
     * and the migration to write, not a failure at the first request that needs it.
     */
    @Override
    public void afterPropertiesSet() {
        Map<String, Integer> columns = jdbc.sql("SELECT * FROM " + NAME + " WHERE 1 = 0").query((ResultSetExtractor<Map<String, Integer>>) EmailAccountTable::columnSizes);
        List<String> missing = schema.fields().stream()
                .filter(field -> field.stored() && !columns.containsKey(field.column()))
                .map(field -> field.name() + " (column " + NAME + "." + field.column() + ")")
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidConfigurationException("The database has no column for the contract's propert"
                    + (missing.size() == 1 ? "y " : "ies ") + String.join(", ", missing) + ".",
                    "Add a Flyway migration to server/src/main/resources/db/migration that adds the missing column(s), "
                            + "named after the property in snake_case; or remove the property from api/openapi.yaml.");
        }
        List<String> tooShort = new ArrayList<>();
        List<String> widen = new ArrayList<>();
        for (EmailAccountField<?> field : schema.fields()) {
            if (field.stored() && field.maxLength() != null) {
                int needed = field.secret() ? SecretCipher.storedLength(field.maxLength()) : field.maxLength();
                int size = columns.get(field.column());
                if (size < needed) {
                    tooShort.add(field.name() + " may be " + field.maxLength() + " characters long, but its column " + NAME + "."
                            + field.column() + " holds " + size + (field.secret() ? " (encrypted, it needs " + needed + ")" : ""));
                    widen.add("ALTER TABLE " + NAME + " ALTER COLUMN " + field.column() + " SET DATA TYPE VARCHAR(" + needed + ");");
                }
            }
        }
        if (!tooShort.isEmpty()) {
            throw new InvalidConfigurationException("The database cannot store every value the contract allows: "
                    + String.join("; ", tooShort) + ".",
                    "Add a Flyway migration to server/src/main/resources/db/migration that widens the column(s): "
                            + String.join(" ", widen));
        }
    }

    /** The column of the business a row belongs to, which limits what a caller may see. */
    String businessColumn() {
        return schema.businessId().column();
    }

    /** {@code SELECT <every readable column> FROM email_account}; a WHERE clause may follow. */
    public String select() {
        return "SELECT " + selectColumns + " FROM " + NAME;
    }

    public RowMapper<EmailAccountRecord> rows() {
        return rows;
    }

    /** Whether any of these values is a secret to store (which is sealed for its row). */
    static boolean holdsSecret(Map<EmailAccountField<?>, Object> values) {
        return values.entrySet().stream().anyMatch(value -> value.getKey().secret() && value.getValue() != null);
    }

    /** Where a secret of this row is stored, which its sealed value is bound to. */
    static SecretPlace place(EmailAccountField<?> secret, UUID row) {
        return new SecretPlace(NAME, secret.column(), row);
    }

    /**
     * Binds the values by column name; a secret never reaches the database but sealed, for its place.
     *
     * @param row the row's {@code unique_id}, which a sealed secret is bound to
     */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<EmailAccountField<?>, Object> values, UUID row) {
        for (Map.Entry<EmailAccountField<?>, Object> value : values.entrySet()) {
            EmailAccountField<?> field = value.getKey();
            Object stored = field.secret() && value.getValue() != null
                    ? cipher.encrypt((String) value.getValue(), place(field, row))
                    : value.getValue();
            statement = statement.param(field.column(), stored);
        }
        return statement;
    }

    private EmailAccountRecord row(ResultSet rs, int rowNumber) throws SQLException {
        // By position: a column looked up by name costs a search of the row's columns on every read.
        Map<EmailAccountField<?>, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < readable.size(); i++) {
            EmailAccountField<?> field = readable.get(i);
            values.put(field, rs.getObject(i + 1, field.type().javaType()));
        }
        return new EmailAccountRecord(rs.getLong(idPosition), values, rs.getLong(versionPosition));
    }

    /** Each column's size by its name in lower case: the characters a text column holds (its precision). */
    private static Map<String, Integer> columnSizes(ResultSet rs) throws SQLException {
        ResultSetMetaData metaData = rs.getMetaData();
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            sizes.put(metaData.getColumnName(i).toLowerCase(Locale.ROOT), metaData.getPrecision(i));
        }
        return sizes;
    }
}
