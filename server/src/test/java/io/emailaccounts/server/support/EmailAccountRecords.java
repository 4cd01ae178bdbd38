package io.emailaccounts.server.support;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.secrets.SecretCipher;
import io.emailaccounts.server.secrets.SecretPlace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Puts known records in the database and reads stored rows back, below the API. */
public final class EmailAccountRecords {

    public static final long ID = 87654321L;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public EmailAccountRecords(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * The values record {@link #ID} has after {@link #reset()}, where they differ from the contract's examples: the
     * values that tell a stored value from one an example body sends.
     */
    public static final Map<String, Object> STORED = Map.of(
            "DisplayName", "Stored name", "NotificationEmailAddress", "notify@example.com",
            "ReplyToEmail", "reply@example.com", "IncomingServerSSL", false,
            "GoogleAccessToken", "stored-google-token", "Office365AccessToken", "stored-office-token",
            "CreatedOn", "2025-01-01T00:00:00Z", "UpdatedOn", "2025-01-01T00:00:00Z", "UpdatedBy", "seed");

    private static final EmailAccountSchema SCHEMA = EmailAccountSchema.of(ExampleBodies.CONTRACT);

    /**
     * Empties the table and stores record {@link #ID}: every field the contract has, each with its example (optional
     * fields included), but the {@link #STORED} values.
     */
    public void reset() {
        jdbc.sql("DELETE FROM idempotency_key").update();
        jdbc.sql("DELETE FROM email_account").update();
        ObjectNode record = ExampleBodies.everyField(EmailAccountSchema.WRITABLE_SCHEMA);
        record.setAll(ExampleBodies.answered(EmailAccountSchema.RECORD_SCHEMA));
        STORED.forEach((name, value) -> record.set(name, ExampleBodies.JSON.valueToTree(value)));
        Map<String, Object> columns = new LinkedHashMap<>();
        UUID row = UUID.fromString(record.get("UniqueId").asString());
        for (EmailAccountField<?> field : SCHEMA.fields()) {
            JsonNode value = record.path(field.name());
            if (field.stored() && !value.isMissingNode() && field != SCHEMA.id()) {
                Object typed = value.isNull() ? null : field.type().parse(value.asString());
                columns.put(field.column(), field.secret() && typed != null
                        ? cipher.encrypt((String) typed, new SecretPlace("email_account", field.column(), row)) : typed);
            }
        }
        insert(ID, columns);
    }

    /** The record {@link #ID} as a read answers it after {@link #reset()}. */
    public static ObjectNode storedRecordAnswered() {
        ObjectNode record = ExampleBodies.answered(EmailAccountSchema.RECORD_SCHEMA);
        STORED.forEach((name, value) -> {
            if (record.has(name)) {
                record.set(name, ExampleBodies.JSON.valueToTree(value));
            }
        });
        SCHEMA.fields().stream().filter(field -> field.sameAs() != null)
                .forEach(field -> record.set(field.name(), record.get(field.sameAs())));
        return record;
    }

    /**
     * Stores one more record with the given Id; {@code columns} overrides the defaults (column name to value). The
     * defaults are the contract's examples of the required fields, with a name, an address and user names of this Id's
     * own and a new unique_id.
     */
    public void insert(long id, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        ObjectNode required = ExampleBodies.requiredFields(EmailAccountSchema.WRITABLE_SCHEMA);
        for (EmailAccountField<?> field : SCHEMA.fields()) {
            if (field.stored() && required.has(field.name())) {
                values.put(field.column(), field.type().parse(required.get(field.name()).asString()));
            }
        }
        values.putAll(Map.of("display_name", "Inbox " + id, "email_address", "inbox" + id + "@example.com",
                "incoming_server_username", "user" + id, "outgoing_server_username", "user" + id,
                "created_on", OffsetDateTime.parse("2025-01-01T00:00:00Z"), "updated_on", OffsetDateTime.parse("2025-01-01T00:00:00Z"),
                "updated_by", "seed", "unique_id", UUID.randomUUID()));
        values.putAll(columns);
        values.remove("id");
        String names = String.join(", ", values.keySet());
        String parameters = values.keySet().stream().map(name -> ":" + name).collect(Collectors.joining(", "));
        JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO email_account (id, " + names + ") VALUES (:id, " + parameters + ")")
                .param("id", id);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            insert = insert.param(value.getKey(), value.getValue());
        }
        insert.update();
    }

    /** A stored access token, decrypted; null when none is stored. */
    public String secret(long id, String column) {
        Map<String, Object> row = row(id);
        String stored = (String) row.get(column);
        return stored == null ? null : cipher.decrypt(stored, new SecretPlace("email_account", column, (UUID) row.get("unique_id")));
    }

    /** The stored row, column names in any case; times as OffsetDateTime in UTC, whatever the database's driver gives. */
    public Map<String, Object> row(long id) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM email_account WHERE id = :id").param("id", id).query().singleRow();
        row.replaceAll((column, value) -> value instanceof Timestamp time ? time.toInstant().atOffset(ZoneOffset.UTC) : value);
        return row;
    }

    /**
     * A body for PUT that sets every required field of record {@link #ID} and no optional one: the contract's examples,
     * but a business and a deletion policy other than the stored ones.
     */
    public static String requiredFieldsBody() {
        return ExampleBodies.requiredFields("EmailAccountUpdate").put("Id", ID).put("BusinessId", 2002).put("DeleteMessageSettings", 3).toString();
    }
}
