package io.emailaccounts.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.secrets.SecretCipher;
import io.emailaccounts.server.secrets.SecretPlace;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.StandaloneServer;
import io.emailaccounts.server.support.StoredPasswords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embedded database's online backup: taken while writes go on, restored into an empty directory, read back by a
 * server started there with the same keys: every record acknowledged before the backup began, its secrets included.
 */
class EmbeddedDatabaseBackupTest {

    private static final String PATH = "/api/crm/emailaccounts";
    /** A user who may sign in, without the administrator's rights. */
    private static final String READER = "reader@example.com";

    @TempDir
    Path running;
    @TempDir
    Path restored;

    @Test
    void shouldRestoreEveryWriteAcknowledgedBeforeTheBackupSecretsIncluded() throws Exception {
        Map<Long, String> acknowledged = new LinkedHashMap<>();
        String backup;
        ConfigurableApplicationContext server = StandaloneServer.start(
                "--spring.datasource.url=jdbc:h2:file:" + running.resolve("data/emailaccounts"),
                "--emailaccounts.backup.directory=" + running.resolve("backups"),
                "--emailaccounts.users[1].username=" + READER, "--emailaccounts.users[1].password=" + StoredPasswords.bcrypt(READER));
        try {
            RawHttp admin = StandaloneServer.asAdmin(server);
            for (int i = 0; i < 20; i++) {
                acknowledged.put(create(admin, "token-" + i), "token-" + i);
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger during = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    create(admin, "during-" + during.incrementAndGet());
                }
            });
            writer.start();
            while (during.get() < 5) {
                Thread.onSpinWait();
            }
            RawHttp.Response answer = admin.send("POST", "/actuator/backup", null, null);
            writing.set(false);
            writer.join();

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(lastBackupSeconds(admin)).as("the newest backup's time, for the alerting rules")
                    .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
            String name = answer.json().get("file").asString();
            assertThat(name).as("a name, not where the server keeps it").matches("emailaccounts-\\d{8}T\\d{6}Z\\.zip");
            backup = running.resolve("backups").resolve(name).toString();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(backup)))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(running.resolve("backups")))).isEqualTo("rwx------");
            assertThat(StandaloneServer.http(server).basicAuth(READER, READER)
                    .send("POST", "/actuator/backup", null, null).status()).as("an administrator's only").isEqualTo(403);
        } finally {
            server.close();
        }

        unzip(Path.of(backup), restored.resolve("data"));
        ConfigurableApplicationContext again = StandaloneServer.start(
                "--spring.datasource.url=jdbc:h2:file:" + restored.resolve("data/emailaccounts"));
        try {
            RawHttp admin = StandaloneServer.asAdmin(again);
            SecretCipher cipher = again.getBean(SecretCipher.class);
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            List<String> secrets = new ArrayList<>();
            acknowledged.forEach((id, token) -> {
                assertThat(admin.get(PATH + "/" + id).status()).as("record " + id).isEqualTo(200);
                Map<String, Object> row = jdbc.sql("SELECT unique_id, google_access_token FROM email_account WHERE id = ?")
                        .param(id).query().singleRow();
                secrets.add(cipher.decrypt((String) row.get("google_access_token"),
                        new SecretPlace("email_account", "google_access_token", (UUID) row.get("unique_id"))));
            });
            assertThat(secrets).containsExactlyElementsOf(acknowledged.values());
        } finally {
            again.close();
        }
    }

    /** A backup older than the retention is deleted as the next one is written; a newer one, and other files, are kept. */
    @Test
    void shouldDeleteBackupsOlderThanTheRetention() throws Exception {
        Path backups = Files.createDirectories(running.resolve("backups"));
        Path old = Files.writeString(backups.resolve("emailaccounts-20250101T000000Z.zip"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Path recent = Files.writeString(backups.resolve("emailaccounts-20250102T000000Z.zip"), "recent");
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(6))));
        Path other = Files.writeString(backups.resolve("notes.txt"), "the operator's");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(80))));
        ConfigurableApplicationContext server = StandaloneServer.start(
                "--spring.datasource.url=jdbc:h2:file:" + running.resolve("data/emailaccounts"),
                "--emailaccounts.backup.directory=" + backups, "--emailaccounts.backup.retention=7d");
        try {
            RawHttp.Response answer = StandaloneServer.asAdmin(server).send("POST", "/actuator/backup", null, null);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("deleted").valueStream().map(JsonNode::asString)).containsExactly(old.getFileName().toString());
            assertThat(old).doesNotExist();
            assertThat(recent).exists();
            assertThat(other).exists();
            assertThat(backups.resolve(answer.json().get("file").asString())).isRegularFile();
        } finally {
            server.close();
        }
    }

    private static long create(RawHttp admin, String token) {
        ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        body.remove("Id");
        body.put("GoogleAccessToken", token);
        RawHttp.Response answer = admin.send("POST", PATH, "application/json", body.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("Value").get("Id").asLong();
    }

    private static void unzip(Path zip, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                assertThat(target).startsWithRaw(directory);
                Files.copy(entries, target);
            }
        }
    }

    /** {@code emailaccounts_backup_last_success_timestamp_seconds}, as Prometheus scrapes it. */
    private static double lastBackupSeconds(RawHttp admin) {
        String metrics = admin.get("/actuator/prometheus").body();
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("(?m)^emailaccounts_backup_last_success_timestamp_seconds(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(value.find()).as("the metric").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
