package io.emailaccounts.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.FailingDatabase;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.StoredPasswords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server process is killed with SIGKILL in the middle of a burst of creates and updates, then started again on the
 * same database: every write that was answered 200 is there. Runs the out-of-the-box setup (embedded H2 in
 * {@code ./data}), or the PostgreSQL database {@code test.datasource.url} names.
 */
class CrashSafetyIT {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    @TempDir
    Path workingDirectory;

    /** One server JVM, started from the classes under test. */
    private final class ServerProcess implements AutoCloseable {

        private final Process process;
        private final Path log;
        private final String baseUrl;

        ServerProcess(String name) throws IOException {
            this(name, List.of(), List.of());
        }

        /**
         * @param options   more options of the JVM
         * @param arguments more arguments of the server
         */
        ServerProcess(String name, List<String> options, List<String> arguments) throws IOException {
            int port = freePort();
            log = workingDirectory.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m"));
            command.addAll(options);
            command.addAll(List.of("-cp", serverClasspath(), EmailAccountsServerApplication.class.getName(),
                    "--server.port=" + port, "--emailaccounts.rate-limit.enabled=false"));
            command.addAll(arguments);
            String database = System.getProperty("test.datasource.url");
            if (database != null) {
                command.addAll(List.of("--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + System.getProperty("test.datasource.username", ""),
                        "--spring.datasource.password=" + System.getProperty("test.datasource.password", ""),
                        "--emailaccounts.users[0].username=admin@example.com",
                        "--emailaccounts.users[0].password=" + StoredPasswords.bcrypt("crash-test"),
                        "--emailaccounts.users[0].administrator=true",
                        "--emailaccounts.security.token-signing-key=" + RunningServerTest.TOKEN_SIGNING_KEY,
                        "--emailaccounts.secrets.encryption-key=" + RunningServerTest.ENCRYPTION_KEY));
            }
            process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            baseUrl = "http://localhost:" + port;
            awaitHealthy();
        }

        private void awaitHealthy() throws IOException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail("The server stopped while starting:%n%s", Files.readString(log));
                }
                try {
                    if (new RawHttp(baseUrl).get("/actuator/health").status() == 200) {
                        return;
                    }
                } catch (UncheckedIOException notListeningYet) {
                    // keep waiting
                }
                sleep(Duration.ofMillis(200));
            }
            fail("The server did not start within 90 s:%n%s", Files.readString(log));
        }

        RawHttp http() throws IOException {
            String credentials = System.getProperty("test.datasource.url") != null
                    ? "admin@example.com:crash-test"
                    : Files.readString(workingDirectory.resolve("data/dev-credentials")).strip();
            int colon = credentials.indexOf(':');
            return new RawHttp(baseUrl).basicAuth(credentials.substring(0, colon), credentials.substring(colon + 1));
        }

        /** SIGKILL: no shutdown hook, no connection pool or database closed cleanly. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    /** What the server answered 200 to: created records by Id, and the last acknowledged counter of each writer. */
    private static final class Acknowledged {
        final Map<Long, String> created = new ConcurrentHashMap<>();
        final Map<Long, Long> lastUpdate = new ConcurrentHashMap<>();
        final AtomicInteger count = new AtomicInteger();
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteWhenKilledMidBurst() throws Exception {
        Acknowledged acknowledged = new Acknowledged();
        try (ServerProcess first = new ServerProcess("first-run")) {
            RawHttp http = first.http();
            List<Thread> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                long ownRecord = http.send("POST", PATH, "application/json", createBody("writer " + writer))
                        .json().get("Value").get("Id").asLong();
                int number = writer;
                Thread thread = new Thread(() -> burst(http, number, ownRecord, acknowledged), "writer-" + writer);
                thread.start();
                writers.add(thread);
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (acknowledged.count.get() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
                sleep(Duration.ofMillis(5));
            }
            assertThat(acknowledged.count.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            first.kill();
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(30).toMillis());
            }
        }

        try (ServerProcess second = new ServerProcess("second-run")) {
            RawHttp http = second.http();
            List<String> lost = new ArrayList<>();
            acknowledged.created.forEach((id, name) -> {
                RawHttp.Response stored = http.get(PATH + "/" + id);
                if (stored.status() != 200 || !name.equals(stored.json().get("DisplayName").asString())) {
                    lost.add("create of " + id + " (" + name + "): " + stored.status());
                }
            });
            acknowledged.lastUpdate.forEach((id, counter) -> {
                long stored = http.get(PATH + "/" + id).json().get("LastMessageId").asLong();
                if (stored < counter) {
                    lost.add("update of " + id + ": LastMessageId " + counter + " was acknowledged, " + stored + " is stored");
                }
            });
            assertThat(lost).as("acknowledged writes missing after SIGKILL (%d creates, %d writers checked)",
                    acknowledged.created.size(), acknowledged.lastUpdate.size()).isEmpty();
        }
    }

    /**
     * A create with an Idempotency-Key is committed, and the server is killed before it answers; the client, with no
     * answer, sends it again to the restarted server: the stored answer comes back, and there is one record.
     */
    @Test
    void shouldAnswerACreateSentAgainAfterAKillBetweenCommitAndAnswerWithItsStoredAnswer() throws Exception {
        Path trigger = workingDirectory.resolve("kill-after-the-next-commit");
        String body = createBody("Committed, never answered");
        String key = "crash-" + System.nanoTime();
        try (ServerProcess first = new ServerProcess("killed-after-commit",
                List.of("-Dfailing-database=KILLED_AFTER_COMMIT", "-Dfailing-database.trigger=" + trigger),
                List.of("--spring.main.sources=" + FailingDatabase.class.getName()))) {
            RawHttp http = first.http().header("Idempotency-Key", key);
            // Signed in once before: the sign-in's own commit (its success, where replicas share the throttle) is
            // then behind, and the next commit is the create's.
            assertThat(first.http().get(PATH + "?size=1").status()).isEqualTo(200);
            Files.createFile(trigger);
            assertThatThrownBy(() -> http.send("POST", PATH, "application/json", body))
                    .as("no answer: the process was killed after the commit").isInstanceOf(UncheckedIOException.class);
            assertThat(first.process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
        }

        try (ServerProcess second = new ServerProcess("restarted")) {
            RawHttp.Response again = second.http().header("Idempotency-Key", key).send("POST", PATH, "application/json", body);

            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            long id = again.json().get("Value").get("Id").asLong();
            JsonNode found = second.http().get(PATH + "?EmailAccount_DisplayName=" + "Committed%2C%20never%20answered").json();
            assertThat(found.get("TotalItems").asLong()).as("records made by the create and its repeat").isEqualTo(1);
            assertThat(found.get("Records").get(0).get("Id").asLong()).isEqualTo(id);
        }
    }

    /** Creates records and updates its own record in turn until the server goes away. */
    private static void burst(RawHttp http, int writer, long ownRecord, Acknowledged acknowledged) {
        AtomicLong counter = new AtomicLong();
        try {
            while (true) {
                long n = counter.incrementAndGet();
                if (n % 2 == 0) {
                    ObjectNode update = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
                    update.put("Id", ownRecord).put("DisplayName", "writer " + writer).put("LastMessageId", n);
                    if (http.put(PATH, update.toString()).status() == 200) {
                        acknowledged.lastUpdate.put(ownRecord, n);
                        acknowledged.count.incrementAndGet();
                    }
                } else {
                    String name = "writer " + writer + " record " + n;
                    RawHttp.Response created = http.send("POST", PATH, "application/json", createBody(name));
                    if (created.status() == 200) {
                        acknowledged.created.put(created.json().get("Value").get("Id").asLong(), name);
                        acknowledged.count.incrementAndGet();
                    }
                }
            }
        } catch (UncheckedIOException serverGone) {
            // the kill: the answer to the write in flight never came, so it was not acknowledged
        }
    }

    private static String createBody(String displayName) {
        ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        body.remove("Id");
        body.put("DisplayName", displayName);
        return body.toString();
    }

    /**
     * The server's own classes and dependencies, without the test classes (and their test-only configuration), but for
     * {@link FailingDatabase}'s, copied aside.
     */
    private String serverClasspath() throws IOException {
        Path hooks = workingDirectory.resolve("hooks");
        Path testClasses = Path.of(FailingDatabase.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path classes = testClasses.resolve(FailingDatabase.class.getPackageName().replace('.', '/'));
        Files.createDirectories(hooks.resolve(testClasses.relativize(classes)));
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(FailingDatabase.class.getSimpleName())).toList()) {
                Files.copy(file, hooks.resolve(testClasses.relativize(file)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return Stream.concat(Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> !entry.endsWith("test-classes")), Stream.of(hooks.toString()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
