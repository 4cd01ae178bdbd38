package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.StandaloneServer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The database stops under a running server (here an H2 server process reached over TCP; the replicas' test does the
 * same with PostgreSQL): every request that needs it is answered promptly 503 in the envelope with {@code Retry-After}, never 500
 * and never a hang; readiness answers DOWN, liveness UP; when the database is back, the same server serves again and
 * nothing acknowledged before is lost.
 */
class DatabaseOutageTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final String UNAVAILABLE = "The database cannot be reached at the moment; nothing was changed. "
            + "Try again after the Retry-After delay.";
    /** Well under a client's timeout: the pool's wait for a connection (2 s) and some slack for a shared machine. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    @TempDir
    static Path databaseDirectory;

    private static int port;
    private static Process database;
    private static ConfigurableApplicationContext server;
    private static RawHttp admin;
    private static RawHttp anonymous;

    @BeforeAll
    static void startDatabaseAndServer() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startDatabase();
        server = StandaloneServer.start("--spring.datasource.url=jdbc:h2:tcp://localhost:" + port + "/outage");
        admin = StandaloneServer.asAdmin(server);
        anonymous = StandaloneServer.http(server);
    }

    @AfterAll
    static void stopServerAndDatabase() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        stopDatabase();
    }

    @Test
    void shouldAnswer503WhileTheDatabaseIsDownAndServeAgainOnceItIsBack() throws Exception {
        String body = EmailAccountRecords.requiredFieldsBody();
        RawHttp.Response created = admin.send("POST", PATH, "application/json", withoutId(body));
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("Value").get("Id").asLong();

        stopDatabase();
        try {
            assertUnavailable(() -> admin.get(PATH + "/" + id));
            assertUnavailable(() -> admin.get(PATH + "?EmailAccount_Business=1001"));
            assertUnavailable(() -> admin.send("POST", PATH, "application/json", withoutId(body)));
            assertUnavailable(() -> admin.put(PATH, withId(body, id)));
            RawHttp.Response readiness = within(PROMPT, () -> anonymous.get("/actuator/health/readiness"));
            assertThat(readiness.status()).as("readiness, promptly").isEqualTo(503);
            assertThat(anonymous.get("/actuator/health/liveness").status()).as("liveness: a restart would not help").isEqualTo(200);
        } finally {
            startDatabase();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RawHttp.Response again = admin.get(PATH + "/" + id);
        while (again.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            again = admin.get(PATH + "/" + id);
        }
        assertThat(again.status()).as("the same process serves again, and the record written before is there").isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(admin.send("POST", PATH, "application/json", withoutId(body)).status()).isEqualTo(200);
    }

    private static void assertUnavailable(Supplier<RawHttp.Response> request) {
        RawHttp.Response response = within(PROMPT, request);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo(Long.toString(ApiExceptionHandler.DATABASE_RETRY_AFTER_SECONDS));
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(503, UNAVAILABLE));
    }

    private static RawHttp.Response within(Duration limit, Supplier<RawHttp.Response> request) {
        long started = System.nanoTime();
        RawHttp.Response response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered promptly").isLessThan(limit);
        return response;
    }

    /** H2's TCP server in a process of its own, on the test's port; returns once it listens. */
    private static void startDatabase() throws Exception {
        String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        database = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2,
                "org.h2.tools.Server", "-tcp", "-tcpPort", Integer.toString(port), "-baseDir", databaseDirectory.toString(),
                "-ifNotExists")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket listening = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !database.isAlive()) {
                    throw new IllegalStateException("The H2 server did not start on port " + port, notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the database as a crashed or restarting server stops: its connections end with it. */
    private static void stopDatabase() throws InterruptedException {
        if (database != null) {
            database.destroyForcibly().waitFor();
        }
    }

    private static String withoutId(String body) {
        ObjectNode json = (ObjectNode) RawHttp.json(body);
        json.remove("Id");
        return json.toString();
    }

    private static String withId(String body, long id) {
        ObjectNode json = (ObjectNode) RawHttp.json(body);
        json.put("Id", id);
        return json.toString();
    }
}
