package io.emailaccounts.server.emailaccount.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The booleans of a record are never null (x-unset-value): the migration that says so turns the nulls rows written
 * before it into false, and the columns refuse null from then on.
 */
class BooleansNeverNullMigrationTest {

    private static final String INSERT = """
            INSERT INTO email_account (id, unique_id, business_id, display_name, email_address, incoming_server,
                incoming_server_type, incoming_server_port, incoming_server_username, delete_message_settings,
                outgoing_server, outgoing_server_port, outgoing_server_username, last_message_id, error_count,
                active, send_notification_on_new_messages, incoming_server_ssl, outgoing_server_ssl,
                created_on, updated_on, updated_by)
            VALUES (:id, RANDOM_UUID(), 1001, 'Inbox', 'inbox@example.com', 'imap.example.com', 1, 993, 'inbox', 1,
                'smtp.example.com', 587, 'inbox', 0, 0, :active, NULL, TRUE, NULL,
                CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'admin@example.com')
            """;

    private final SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
            "jdbc:h2:mem:booleans-never-null", "sa", "", true);
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Test
    void shouldStoreFalseForEveryNullBooleanOfTheRowsWrittenBeforeAndRefuseNullAfter() {
        migrate("5");
        jdbc.sql(INSERT).param("id", 1).param("active", null).update();
        jdbc.sql(INSERT).param("id", 2).param("active", true).update();

        migrate("latest");

        assertThat(booleans(1)).containsExactlyInAnyOrderEntriesOf(Map.of("ACTIVE", false,
                "SEND_NOTIFICATION_ON_NEW_MESSAGES", false, "INCOMING_SERVER_SSL", true, "OUTGOING_SERVER_SSL", false));
        assertThat(booleans(2)).containsEntry("ACTIVE", true);
        assertThatThrownBy(() -> jdbc.sql(INSERT).param("id", 3).param("active", null).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    private Map<String, Object> booleans(long id) {
        return jdbc.sql("SELECT active, send_notification_on_new_messages, incoming_server_ssl, outgoing_server_ssl"
                + " FROM email_account WHERE id = ?").param(id).query().singleRow();
    }
}
