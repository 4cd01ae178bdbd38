package io.emailaccounts.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.emailaccount.persistence.SecretsReencryption;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.StandaloneServer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two replicas on one PostgreSQL after the key changed: one rewrites the stored values under the current key while
 * the other takes updates of the same records. Every update is answered, and every record holds, sealed with the
 * current key, the token its last answered update gave it: the rewriting never puts back a value a request replaced.
 * The records this test makes are deleted after it, so that the database is left as the other tests expect it.
 */
class ReplicasRotateTheKeyTest {

    /** The key the records are first sealed with; the tests' own key is the new current one. */
    private static final String FORMER_KEY = Base64.getEncoder().encodeToString(
            "the key before the rotation 32b!".getBytes(StandardCharsets.US_ASCII));
    private static final String PATH = "/api/crm/emailaccounts";
    private static final int RECORDS = 120;

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private final List<Long> made = new CopyOnWriteArrayList<>();

    @BeforeEach
    void onPostgreSql() {
        assumeTrue(System.getProperty("test.datasource.url", "").startsWith("jdbc:postgresql:"),
                "replicas share one PostgreSQL (run server/postgres-tests.sh)");
    }

    @AfterEach
    void deleteTheRecordsMadeAndStop() {
        if (!replicas.isEmpty() && !made.isEmpty()) {
            replicas.get(0).getBean(JdbcClient.class).sql("DELETE FROM email_account WHERE id IN (:ids)").param("ids", made).update();
        }
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext replica(String current, String older) {
        ConfigurableApplicationContext replica = StandaloneServer.start(
                "--spring.datasource.url=" + System.getProperty("test.datasource.url"),
                "--spring.datasource.username=" + System.getProperty("test.datasource.username"),
                "--spring.datasource.password=" + System.getProperty("test.datasource.password"),
                "--emailaccounts.rate-limit.enabled=false",
                "--emailaccounts.secrets.encryption-key=" + current,
                "--emailaccounts.secrets.decryption-keys=" + older,
                "--emailaccounts.secrets.reencrypt-interval=1h",
                "--emailaccounts.secrets.reencrypt-batch-size=10");
        replicas.add(replica);
        return replica;
    }

    private static String body(long id, String token) {
        ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        if (id == 0) {
            body.remove("Id");
        } else {
            body.put("Id", id);
        }
        body.put("GoogleAccessToken", token);
        return body.toString();
    }

    @Test
    void shouldRewriteUnderTheCurrentKeyOnOneReplicaWhileTheOtherTakesUpdates() throws Exception {
        Map<Long, String> lastAnswered = new ConcurrentHashMap<>();
        try (ConfigurableApplicationContext before = StandaloneServer.start(
                "--spring.datasource.url=" + System.getProperty("test.datasource.url"),
                "--spring.datasource.username=" + System.getProperty("test.datasource.username"),
                "--spring.datasource.password=" + System.getProperty("test.datasource.password"),
                "--emailaccounts.rate-limit.enabled=false",
                "--emailaccounts.secrets.encryption-key=" + FORMER_KEY,
                "--emailaccounts.secrets.decryption-keys=" + RunningServerTest.ENCRYPTION_KEY,
                "--emailaccounts.secrets.reencrypt-interval=1h")) {
            RawHttp admin = StandaloneServer.asAdmin(before);
            for (int i = 0; i < RECORDS; i++) {
                RawHttp.Response created = admin.send("POST", PATH, "application/json", body(0, "first-" + i));
                assertThat(created.status()).as(created.body()).isEqualTo(200);
                long id = created.json().get("Value").get("Id").asLong();
                made.add(id);
                lastAnswered.put(id, "first-" + i);
            }
        }
        ConfigurableApplicationContext rewriting = replica(RunningServerTest.ENCRYPTION_KEY, FORMER_KEY);
        ConfigurableApplicationContext writing = replica(RunningServerTest.ENCRYPTION_KEY, FORMER_KEY);
        String formerId = SecretCipher.keyIdOf(Base64.getDecoder().decode(FORMER_KEY));
        String currentId = rewriting.getBean(SecretCipher.class).currentKeyId();

        AtomicBoolean rewritten = new AtomicBoolean();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            RawHttp admin = StandaloneServer.asAdmin(writing);
            int round = 0;
            // Updates of the records, in an order of their own, until the pass ends; then one more round.
            while (round == 0 || !rewritten.get() || round % RECORDS != 0) {
                long id = made.get((round * 37) % RECORDS);
                String token = "updated-" + round;
                RawHttp.Response updated = admin.put(PATH, body(id, token));
                if (updated.status() == 200) {
                    lastAnswered.put(id, token);
                } else {
                    failures.add(updated.status() + " " + updated.body());
                }
                round++;
            }
        });
        writer.start();
        Map<String, Long> afterPass = rewriting.getBean(SecretsReencryption.class).pass();
        rewritten.set(true);
        writer.join();

        assertThat(failures).isEmpty();
        assertThat(afterPass).doesNotContainKey(formerId);
        assertThat(writing.getBean(SecretsReencryption.class).pass()).containsOnlyKeys(currentId);
        SecretCipher currentOnly = new SecretCipher(Base64.getDecoder().decode(RunningServerTest.ENCRYPTION_KEY));
        JdbcClient jdbc = rewriting.getBean(JdbcClient.class);
        for (long id : made) {
            Map<String, Object> row = jdbc.sql("SELECT unique_id, google_access_token FROM email_account WHERE id = :id")
                    .param("id", id).query().singleRow();
            assertThat(currentOnly.decrypt((String) row.get("google_access_token"),
                    new SecretPlace("email_account", "google_access_token", (UUID) row.get("unique_id"))))
                    .as("record %d", id).isEqualTo(lastAnswered.get(id));
        }
    }
}
