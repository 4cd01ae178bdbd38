package io.emailaccounts.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.EmailAccountsServerApplication;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import tools.jackson.databind.node.ObjectNode;

/** The access tokens are never in the database in clear text: not in a row, not in the database's files. */
class SecretsAtRestTest {

    private static final String SECRET = "ya29.THE-SECRET-TOKEN-0123456789";
    private static final String LEGACY_SECRET = "LEGACY-PLAINTEXT-TOKEN-9876543210";

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(EmailAccountsServerApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("emailaccounts"),
                "--emailaccounts.dev-credentials-file=" + data.resolve("dev-credentials"));
    }

    private RawHttp http(ConfigurableApplicationContext server) throws IOException {
        String credentials = Files.readString(data.resolve("dev-credentials")).strip();
        int colon = credentials.indexOf(':');
        return new RawHttp("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
                .basicAuth(credentials.substring(0, colon), credentials.substring(colon + 1));
    }

    @Test
    void shouldKeepTheAccessTokensEncryptedInTheDatabaseFiles() throws Exception {
        try (ConfigurableApplicationContext server = start()) {
            ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
            body.remove("Id");
            body.put("GoogleAccessToken", SECRET);
            long id = http(server).send("POST", "/api/crm/emailaccounts", "application/json", body.toString())
                    .json().get("Value").get("Id").asLong();
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            // An older version's plain text, which the next start encrypts.
            jdbc.sql("UPDATE email_account SET office365_access_token = :secret WHERE id = :id")
                    .param("secret", LEGACY_SECRET).param("id", id).update();

            String stored = jdbc.sql("SELECT google_access_token FROM email_account WHERE id = :id").param("id", id)
                    .query(String.class).single();
            SecretCipher cipher = server.getBean(SecretCipher.class);
            UUID row = jdbc.sql("SELECT unique_id FROM email_account WHERE id = :id").param("id", id).query(UUID.class).single();
            assertThat(stored).startsWith(cipher.currentPrefix()).doesNotContain(SECRET);
            assertThat(cipher.decrypt(stored, new SecretPlace("email_account", "google_access_token", row))).isEqualTo(SECRET);
            assertThat(http(server).get("/api/crm/emailaccounts/" + id).body()).doesNotContain(SECRET);
        }
        try (ConfigurableApplicationContext server = start()) {
            JdbcClient jdbc = server.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT office365_access_token FROM email_account WHERE office365_access_token IS NOT NULL")
                    .query(String.class).single()).startsWith(server.getBean(SecretCipher.class).currentPrefix());
            // H2 rewrites its file in place; compact it so that no page still holds the old plain text.
            jdbc.sql("SHUTDOWN COMPACT").update();
        }

        assertThat(filesContaining(SECRET)).isEmpty();
        assertThat(filesContaining(LEGACY_SECRET)).isEmpty();
        assertThat(data.resolve("secrets-key")).exists();
    }

    private List<Path> filesContaining(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] haystack = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
