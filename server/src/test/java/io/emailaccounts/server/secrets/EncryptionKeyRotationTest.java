package io.emailaccounts.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.server.EmailAccountsServerApplication;
import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.emailaccount.persistence.EncryptedSecretsRepository;
import io.emailaccounts.server.emailaccount.persistence.SecretsReencryption;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.StandaloneServer;
import io.emailaccounts.server.support.StoredPasswords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The encryption key changes without a stop: a server given a new current key and the old one among its decryption
 * keys serves at once, writes under the new key, rewrites the stored values under it in the background (resumably),
 * and then starts without the old key; a server without a key some value needs refuses to start before it listens.
 */
class EncryptionKeyRotationTest {

    private static final String OLD_KEY = RunningServerTest.ENCRYPTION_KEY;
    private static final String NEW_KEY = Base64.getEncoder().encodeToString(
            "a new key of thirty-two bytes!!!".getBytes(StandardCharsets.US_ASCII));
    private static final String OLD_ID = SecretCipher.keyIdOf(Base64.getDecoder().decode(OLD_KEY));
    private static final String NEW_ID = SecretCipher.keyIdOf(Base64.getDecoder().decode(NEW_KEY));
    private static final String PATH = "/api/crm/emailaccounts";

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String current, String... older) {
        return StandaloneServer.start("--spring.datasource.url=jdbc:h2:file:" + data.resolve("emailaccounts"),
                "--emailaccounts.secrets.encryption-key=" + current,
                "--emailaccounts.secrets.decryption-keys=" + String.join(",", older),
                // Passes run when the test says (the first would otherwise follow start-up at once), in small steps.
                "--emailaccounts.secrets.reencrypt-interval=1h",
                "--emailaccounts.secrets.reencrypt-batch-size=3");
    }

    private static long create(RawHttp admin, String googleToken, String idempotencyKey) {
        RawHttp http = idempotencyKey == null ? admin : admin.header("Idempotency-Key", idempotencyKey);
        RawHttp.Response created = http.send("POST", PATH, "application/json", withoutId(googleToken));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("Value").get("Id").asLong();
    }

    /** Every stored access token, opened with the given keys only: by record Id and column. */
    private static Map<String, String> opened(ConfigurableApplicationContext server, SecretCipher cipher) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Map<String, Object> row : server.getBean(JdbcClient.class)
                .sql("SELECT id, unique_id, google_access_token, office365_access_token FROM email_account ORDER BY id").query().listOfRows()) {
            for (String column : List.of("google_access_token", "office365_access_token")) {
                String stored = (String) row.get(column);
                if (stored != null) {
                    tokens.put(row.get("id") + "." + column,
                            cipher.decrypt(stored, new SecretPlace("email_account", column, (UUID) row.get("unique_id"))));
                }
            }
        }
        return tokens;
    }

    private static SecretCipher only(String key) {
        return new SecretCipher(Base64.getDecoder().decode(key));
    }

    @Test
    void shouldRotateTheKeyWhileServingAndThenStartWithoutTheOldOne() throws Exception {
        Map<String, String> tokens;
        Map<Long, String> answers = new LinkedHashMap<>();
        try (ConfigurableApplicationContext server = start(OLD_KEY)) {
            RawHttp admin = StandaloneServer.asAdmin(server);
            for (int i = 0; i < 7; i++) {
                create(admin, "google-token-" + i, null);
            }
            create(admin, "sent-twice", "rotation-key-1");
            // A value the version before key ids wrote, under the old key.
            Map<String, Object> first = server.getBean(JdbcClient.class)
                    .sql("SELECT id FROM email_account ORDER BY id FETCH FIRST 1 ROWS ONLY").query().singleRow();
            server.getBean(JdbcClient.class).sql("UPDATE email_account SET office365_access_token = :legacy WHERE id = :id")
                    .param("legacy", SecretCipherTest.legacy(Base64.getDecoder().decode(OLD_KEY), "legacy-token", "office365_access_token"))
                    .param("id", first.get("id")).update();
            tokens = opened(server, only(OLD_KEY));
            for (JsonNode record : admin.get(PATH + "?size=100").json().get("Records")) {
                long id = record.get("Id").asLong();
                answers.put(id, admin.get(PATH + "/" + id).body());
            }
        }
        assertThat(tokens).hasSize(9).containsValue("legacy-token");

        try (ConfigurableApplicationContext server = start(NEW_KEY, OLD_KEY)) {
            RawHttp admin = StandaloneServer.asAdmin(server);
            JsonNode before = admin.get("/actuator/secrets").json();
            assertThat(before.get("currentKeyId").asString()).isEqualTo(NEW_ID);
            assertThat(before.get("configuredKeyIds").valueStream().map(JsonNode::asString)).containsExactly(NEW_ID, OLD_ID);
            assertThat(before.get("values").get(OLD_ID).asLong()).isEqualTo(8);
            assertThat(before.get("values").get(SecretCipher.UNNAMED_KEY).asLong()).isEqualTo(1);
            assertThat(before.get("valuesUnderOlderKeys").asLong()).isEqualTo(9);

            // Served at once: a new value is sealed with the new key; a create sent again after the change is known.
            long created = create(admin, "written-after-the-change", null);
            assertThat(SecretCipher.keyIdOf(server.getBean(JdbcClient.class)
                    .sql("SELECT google_access_token FROM email_account WHERE id = :id").param("id", created)
                    .query(String.class).single())).isEqualTo(NEW_ID);
            RawHttp.Response replayed = admin.header("Idempotency-Key", "rotation-key-1").send("POST", PATH, "application/json",
                    withoutId("sent-twice"));
            assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");

            Map<String, Long> after = server.getBean(SecretsReencryption.class).pass();

            assertThat(after).containsExactly(Map.entry(NEW_ID, 10L));
            Map<String, String> expected = new LinkedHashMap<>(tokens);
            expected.put(created + ".google_access_token", "written-after-the-change");
            assertThat(opened(server, only(NEW_KEY))).isEqualTo(expected);
            // The records read as before: their properties and versions are untouched.
            answers.forEach((id, answer) -> assertThat(RawHttp.json(admin.get(PATH + "/" + id).body()))
                    .as("record " + id).isEqualTo(RawHttp.json(answer)));
            assertThat(admin.get("/actuator/secrets").json().get("valuesUnderOlderKeys").asLong()).isZero();
            assertThat(admin.get("/actuator/prometheus").body())
                    .contains("emailaccounts_secrets_values{current=\"true\",key_id=\"" + NEW_ID + "\"} 10.0")
                    .doesNotContain("key_id=\"" + OLD_ID + "\"");
            assertThat(StandaloneServer.http(server).get("/actuator/secrets").status()).isEqualTo(401);
        }

        // The old key removed: nothing needs it any more.
        try (ConfigurableApplicationContext server = start(NEW_KEY)) {
            assertThat(opened(server, server.getBean(SecretCipher.class))).hasSize(10);
        }
    }

    @Test
    void shouldGoOnWhereAStoppedPassLeftOff() {
        try (ConfigurableApplicationContext server = start(OLD_KEY)) {
            RawHttp admin = StandaloneServer.asAdmin(server);
            for (int i = 0; i < 10; i++) {
                create(admin, "google-token-" + i, null);
            }
        }
        try (ConfigurableApplicationContext server = start(NEW_KEY, OLD_KEY)) {
            // One step of a pass (its batch of 3 rows, each value committed on its own), then the server stops.
            assertThat(server.getBean(EncryptedSecretsRepository.class).reencrypt(Long.MIN_VALUE, 3).rewritten()).isEqualTo(3);
        }
        try (ConfigurableApplicationContext server = start(NEW_KEY, OLD_KEY)) {
            assertThat(server.getBean(EncryptedSecretsRepository.class).countByKey())
                    .containsExactly(Map.entry(NEW_ID, 3L), Map.entry(OLD_ID, 7L));

            assertThat(server.getBean(SecretsReencryption.class).pass()).containsExactly(Map.entry(NEW_ID, 10L));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                expected.add("google-token-" + i);
            }
            assertThat(opened(server, only(NEW_KEY)).values()).containsExactlyElementsOf(expected);
        }
    }

    /**
     * Started without a key some stored value needs, the server stops before it listens: the message names the key's
     * id and the settings, and no request is ever taken.
     */
    @Test
    void shouldRefuseToStartWithoutAKeyAStoredValueNeedsBeforeListening() {
        try (ConfigurableApplicationContext server = start(NEW_KEY)) {
            create(StandaloneServer.asAdmin(server), "sealed-with-the-new-key", null);
        }
        AtomicBoolean listened = new AtomicBoolean();
        SpringApplication application = new SpringApplication(EmailAccountsServerApplication.class);
        application.addListeners(event -> {
            if (event instanceof WebServerInitializedEvent) {
                listened.set(true);
            }
        });

        Throwable failure = catchThrowable(() -> application.run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("emailaccounts"),
                "--emailaccounts.demo-data=false",
                "--emailaccounts.security.token-signing-key=" + RunningServerTest.TOKEN_SIGNING_KEY,
                "--emailaccounts.secrets.encryption-key=" + OLD_KEY,
                "--emailaccounts.users[0].username=" + RunningServerTest.ADMIN,
                "--emailaccounts.users[0].password=" + StoredPasswords.bcrypt(RunningServerTest.ADMIN_PASSWORD)).close());

        assertThat(listened).isFalse();
        Throwable cause = failure;
        while (!(cause instanceof InvalidConfigurationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Stored access tokens are sealed with key " + NEW_ID + " (1 value), which is neither "
                        + "emailaccounts.secrets.encryption-key (key " + OLD_ID + ") nor one of emailaccounts.secrets.decryption-keys.");
        assertThat(((InvalidConfigurationException) cause).action()).startsWith("Add the key with that id to "
                + "emailaccounts.secrets.decryption-keys.");
    }

    /**
     * The guide's steps after a lost key: the values under it removed with its SQL (the records listed first), the
     * server starts with the keys left, the other values open, and a listed record's token is entered again.
     */
    @Test
    void shouldStartAgainAfterALostKeyAsTheOperationsGuideSays() {
        long kept;
        long lost;
        try (ConfigurableApplicationContext server = start(OLD_KEY)) {
            kept = create(StandaloneServer.asAdmin(server), "under-the-key-kept", null);
        }
        try (ConfigurableApplicationContext server = start(NEW_KEY, OLD_KEY)) {
            lost = create(StandaloneServer.asAdmin(server), "under-the-key-lost", null);
        }
        assertThat(catchThrowable(() -> start(OLD_KEY).close())).hasRootCauseInstanceOf(InvalidConfigurationException.class)
                .rootCause().hasMessageContaining("key " + NEW_ID + " (1 value)");

        String sql = Documentation.of(Path.of("..")).guide("operations").section("### A lost encryption key").blocks("sql").get(0)
                .replace("0123456789abcdef", NEW_ID);
        JdbcClient database = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + data.resolve("emailaccounts"), "", ""));
        List<Long> listed = new ArrayList<>();
        for (String statement : sql.split(";\\s*")) {
            if (statement.startsWith("SELECT")) {
                database.sql(statement).query().listOfRows().forEach(row -> listed.add(((Number) row.get("id")).longValue()));
            } else if (!statement.isBlank()) {
                database.sql(statement).update();
            }
        }
        assertThat(listed).containsExactly(lost);

        try (ConfigurableApplicationContext server = start(OLD_KEY)) {
            assertThat(opened(server, only(OLD_KEY))).containsExactly(Map.entry(kept + ".google_access_token", "under-the-key-kept"));
            ObjectNode body = (ObjectNode) RawHttp.json(withoutId("entered-again"));
            body.put("Id", lost);
            RawHttp.Response updated = StandaloneServer.asAdmin(server).put(PATH, body.toString());
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(opened(server, only(OLD_KEY))).containsEntry(lost + ".google_access_token", "entered-again");
        }
    }

    /** The guide's command that prints a key's id prints the id the server gives it. */
    @Test
    void shouldPrintAKeysIdAsTheOperationsGuideSays() throws Exception {
        String block = Documentation.of(Path.of("..")).guide("operations").section("## Encryption keys").blocks("bash").get(0);
        String recipe = block.substring(0, block.indexOf("curl"));
        Files.createDirectories(data.resolve("data"));
        Files.writeString(data.resolve("data/secrets-key"), NEW_KEY + "\n");

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", recipe).directory(data.toFile())
                .redirectErrorStream(true).start();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor()).as(printed).isZero();
        assertThat(printed.strip()).isEqualTo(NEW_ID);
    }

    private static String withoutId(String googleToken) {
        ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        body.remove("Id");
        body.put("GoogleAccessToken", googleToken);
        return body.toString();
    }
}
