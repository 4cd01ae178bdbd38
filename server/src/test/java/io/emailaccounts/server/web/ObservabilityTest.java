package io.emailaccounts.server.web;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/** What an operator watches: liveness and readiness, Prometheus metrics for administrators, an access log line per request. */
class ObservabilityTest extends RunningServerTest {

    private final Logger accessLog = (Logger) LoggerFactory.getLogger("io.emailaccounts.access");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level level;

    @BeforeEach
    void captureTheAccessLog() {
        level = accessLog.getLevel();
        accessLog.setLevel(Level.INFO);
        logged.start();
        accessLog.addAppender(logged);
    }

    @AfterEach
    void releaseTheAccessLog() {
        accessLog.detachAppender(logged);
        accessLog.setLevel(level);
    }

    @Test
    void shouldAnswerLivenessAndReadinessWithTheDatabaseWithoutCredentials() {
        RawHttp.Response liveness = http().get("/actuator/health/liveness");
        RawHttp.Response readiness = http().get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldShowRequestAndPoolMetricsToAdministratorsOnly() {
        asAdmin().get("/api/crm/emailaccounts/" + ID);

        assertThat(http().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http().basicAuth(VIEWER, VIEWER_PASSWORD).get("/actuator/prometheus").status()).isEqualTo(403);
        RawHttp.Response metrics = asAdmin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/crm/emailaccounts/{id}\"")
                .as("a histogram bucket of the operation's latency (up to 100 ms)")
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{(?=[^\\n]*le=\"0\\.1\")(?=[^\\n]*uri=\"/api/crm/emailaccounts/\\{id\\}\")")
                .contains("hikaricp_connections_active")
                .as("the changes waiting for the group commit's writer")
                .containsPattern("(?m)^emailaccounts_group_commit_waiting [0-9.]+$")
                .as("this replica ready").containsPattern("(?m)^emailaccounts_ready(\\{[^}]*})? 1\\.0$")
                .as("the read counted against the objectives")
                .containsPattern("(?m)^emailaccounts_requests_total\\{(?=[^}]*kind=\"read\")(?=[^}]*outcome=\"good\")[^}]*} [1-9]");
    }

    @Test
    void shouldLogALinePerRequestWithTheOperationsTemplateAndTheUserButNothingElse() {
        asAdmin().header("If-None-Match", "\"9\"").get("/api/crm/emailaccounts/" + ID + "?secret=not-logged");
        http().basicAuth(ADMIN, "wrong-password").get("/api/crm/emailaccounts/" + ID);

        // A line is written once the answer has gone out: the client can be quicker than the log.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (logged.list.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        List<String> lines = List.copyOf(logged.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("method=GET path=/api/crm/emailaccounts/\\{id} operation=getEmailAccount status=200 duration_ms=\\d+\\.\\d user=admin@example.com request_id=[0-9a-f]{32}");
        assertThat(lines.get(1)).matches("method=GET path=- operation=getEmailAccount status=401 duration_ms=\\d+\\.\\d user=- request_id=[0-9a-f]{32}");
        assertThat(String.join("\n", lines)).doesNotContain("secret").doesNotContain("wrong-password").doesNotContain(String.valueOf(ID));
    }
}
