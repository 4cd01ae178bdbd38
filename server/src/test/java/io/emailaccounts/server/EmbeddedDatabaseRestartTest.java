package io.emailaccounts.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import tools.jackson.databind.node.ObjectNode;

/** The out-of-the-box setup a newcomer gets: embedded H2 in a file, the demo record, the development administrator. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(EmailAccountsServerApplication.class,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("emailaccounts"),
                "--emailaccounts.dev-credentials-file=" + data.resolve("dev-credentials"));
    }

    private static RawHttp http(ConfigurableApplicationContext server, String credentials) {
        String port = server.getEnvironment().getProperty("local.server.port");
        int colon = credentials.indexOf(':');
        return new RawHttp("http://localhost:" + port).basicAuth(credentials.substring(0, colon), credentials.substring(colon + 1));
    }

    @Test
    void shouldStartWithTheDemoRecordAndKeepUpdatesAcrossARestart() throws Exception {
        String credentials;
        long createdId;
        try (ConfigurableApplicationContext first = start()) {
            credentials = Files.readString(data.resolve("dev-credentials")).strip();
            assertThat(credentials).startsWith("admin@example.com:");
            ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
            body.put("DisplayName", "Renamed before the restart");

            RawHttp.Response response = http(first, credentials).put("/api/crm/emailaccounts", body.toString());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("UpdatedBy").asString()).isEqualTo("admin@example.com");
            ObjectNode created = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
            created.remove("Id");
            created.put("DisplayName", "Created before the restart");
            createdId = http(first, credentials).send("POST", "/api/crm/emailaccounts", "application/json", created.toString())
                    .json().get("Value").get("Id").asLong();
        }

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT display_name FROM email_account WHERE id = 87654321").query(String.class).single())
                    .isEqualTo("Renamed before the restart");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(2L);
            assertThat(http(second, credentials).get("/api/crm/emailaccounts/" + createdId).json().get("DisplayName").asString())
                    .isEqualTo("Created before the restart");
            assertThat(Files.readString(data.resolve("dev-credentials")).strip()).isEqualTo(credentials);
            assertThat(http(second, credentials).put("/api/crm/emailaccounts", EmailAccountRecords.requiredFieldsBody()).status())
                    .isEqualTo(200);
        }
    }
}
