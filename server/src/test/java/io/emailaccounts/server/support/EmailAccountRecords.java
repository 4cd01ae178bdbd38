package io.emailaccounts.server.support;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.secrets.SecretCipher;

/** Puts known records in the database and reads stored rows back, below the API. */
public final class EmailAccountRecords {

    public static final long ID = 87654321L;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public EmailAccountRecords(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Empties the table and stores record {@link #ID} with every optional field set. */
    public void reset() {
        jdbc.sql("DELETE FROM email_account").update();
        jdbc.sql("""
                INSERT INTO email_account (id, unique_id, business_id, display_name, email_address, incoming_server,
                    incoming_server_type, incoming_server_port, incoming_server_username, delete_message_settings,
                    outgoing_server, outgoing_server_port, outgoing_server_username, last_message_id, error_count,
                    active, send_notification_on_new_messages, notification_email_address, incoming_server_ssl,
                    outgoing_server_ssl, reply_to_email, last_check_time, google_access_token, office365_access_token,
                    created_on, updated_on, updated_by)
                VALUES (:id, :uniqueId, 1001, 'Stored name', 'stored@example.com', 'imap.stored.example',
                    1, 143, 'stored-user', 1,
                    'smtp.stored.example', 25, 'stored-user', 7, 3,
                    TRUE, TRUE, 'notify@example.com', FALSE,
                    FALSE, 'reply@example.com', :lastCheck, :google, :office,
                    :created, :created, 'seed')
                """)
                .param("id", ID)
                .param("uniqueId", UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
                .param("lastCheck", OffsetDateTime.parse("2025-01-01T08:00:00Z"))
                .param("google", cipher.encrypt("stored-google-token", "google_access_token"))
                .param("office", cipher.encrypt("stored-office-token", "office365_access_token"))
                .param("created", OffsetDateTime.parse("2025-01-01T00:00:00Z"))
                .update();
    }

    /**
     * Stores one more record with the given Id; {@code columns} overrides the defaults (column name to value).
     * The defaults are a valid record of business 1001, with a new unique_id.
     */
    public void insert(long id, Map<String, Object> columns) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of(
                "business_id", 1001L, "display_name", "Inbox " + id, "email_address", "inbox" + id + "@example.com",
                "incoming_server", "imap.example.com", "incoming_server_type", 1, "incoming_server_port", 993,
                "incoming_server_username", "user" + id, "delete_message_settings", 1, "outgoing_server", "smtp.example.com",
                "outgoing_server_port", 587));
        values.putAll(Map.of("outgoing_server_username", "user" + id, "last_message_id", 0L, "error_count", 0,
                "created_on", OffsetDateTime.parse("2025-01-01T00:00:00Z"), "updated_on", OffsetDateTime.parse("2025-01-01T00:00:00Z"),
                "updated_by", "seed"));
        values.put("unique_id", UUID.randomUUID());
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
        String stored = (String) row(id).get(column);
        return stored == null ? null : cipher.decrypt(stored, column);
    }

    /** The stored row, column names in any case; times as OffsetDateTime in UTC, whatever the database's driver gives. */
    public Map<String, Object> row(long id) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM email_account WHERE id = :id").param("id", id).query().singleRow();
        row.replaceAll((column, value) -> value instanceof Timestamp time ? time.toInstant().atOffset(ZoneOffset.UTC) : value);
        return row;
    }

    /** A body for PUT that sets every required field of record {@link #ID} and no optional one. */
    public static String requiredFieldsBody() {
        return """
                {"Id": 87654321, "BusinessId": 2002, "DisplayName": "Help desk inbox",
                 "EmailAddress": "helpdesk@example.com", "IncomingServer": "imap.example.com",
                 "IncomingServerType": 1, "IncomingServerPort": 993, "IncomingServerUsername": "helpdesk@example.com",
                 "DeleteMessageSettings": 3, "OutgoingServer": "smtp.example.com", "OutgoingServerPort": 587,
                 "OutgoingServerUsername": "helpdesk@example.com", "LastMessageId": 48211, "ErrorCount": 0}
                """;
    }
}
