package io.emailaccounts.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the EmailAccounts server would cost with nothing of its own on the path: the same PUT (a JSON body read,
 * the success envelope answered) and the same GET (a record answered), on the same stack. With
 * {@code --bench.durable=true} each PUT also updates one row of the database, one commit per request (an H2 file that
 * writes every commit before it answers, WRITE_DELAY=0, as the server's embedded database does; or PostgreSQL), and
 * each GET reads that row.
 */
@SpringBootApplication
@RestController
public class BareApp {

    private final JdbcTemplate jdbc;
    private final boolean durable;

    BareApp(JdbcTemplate jdbc, @Value("${bench.durable:false}") boolean durable) {
        this.jdbc = jdbc;
        this.durable = durable;
        if (durable) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS email_account (id BIGINT PRIMARY KEY, display_name VARCHAR(255), "
                    + "version BIGINT NOT NULL)");
            if (jdbc.queryForObject("SELECT COUNT(*) FROM email_account WHERE id = 87654321", Long.class) == 0) {
                jdbc.update("INSERT INTO email_account (id, display_name, version) VALUES (87654321, 'Help desk inbox', 1)");
            }
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }

    @PutMapping("/api/crm/emailaccounts")
    Map<String, Object> update(@RequestBody Map<String, Object> body) {
        long id = ((Number) body.get("Id")).longValue();
        if (durable) {
            jdbc.update("UPDATE email_account SET display_name = ?, version = version + 1 WHERE id = ?", body.get("DisplayName"), id);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Status", 200);
        envelope.put("Message", "EmailAccount was successfully updated.");
        envelope.put("Value", Map.of("Id", id));
        envelope.put("OpenInDialog", false);
        envelope.put("OpenInWindow", false);
        envelope.put("RedirectURL", null);
        envelope.put("JavaScript", null);
        envelope.put("UpdatedOn", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("UpdatedBy", "admin@example.com");
        envelope.put("Errors", null);
        envelope.put("WasSuccessful", true);
        return envelope;
    }

    @GetMapping("/api/crm/emailaccounts/{id}")
    Map<String, Object> get(@PathVariable long id) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Id", id);
        record.put("UniqueId", "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        record.put("BusinessId", 1001);
        record.put("DisplayName", durable
                ? jdbc.queryForObject("SELECT display_name FROM email_account WHERE id = ?", String.class, id)
                : "Help desk inbox");
        record.put("EmailAddress", "helpdesk@example.com");
        record.put("IncomingServer", "imap.example.com");
        record.put("IncomingServerType", 1);
        record.put("IncomingServerPort", 993);
        record.put("IncomingServerUsername", "helpdesk@example.com");
        record.put("DeleteMessageSettings", 1);
        record.put("OutgoingServer", "smtp.example.com");
        record.put("OutgoingServerPort", 587);
        record.put("OutgoingServerUsername", "helpdesk@example.com");
        record.put("LastMessageId", 48211);
        record.put("ErrorCount", 0);
        record.put("Active", true);
        record.put("SendNotificationOnNewMessages", true);
        record.put("NotificationEmailAddress", "support-team@example.com");
        record.put("IncomingServerSSL", true);
        record.put("OutgoingServerSSL", true);
        record.put("ReplyToEmail", null);
        record.put("LastCheckTime", "2025-01-15T10:25:00Z");
        record.put("GoogleAccessToken", null);
        record.put("Office365AccessToken", null);
        record.put("CreatedOn", "2025-01-10T09:00:00Z");
        record.put("UpdatedOn", "2025-01-15T10:30:00Z");
        record.put("UpdatedBy", "admin@example.com");
        record.put("IsNew", false);
        record.put("SystemId", null);
        record.put("ToStringText", "Help desk inbox");
        return record;
    }
}
