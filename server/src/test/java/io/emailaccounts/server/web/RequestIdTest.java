package io.emailaccounts.server.web;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * Every answer names its request in {@code Request-Id}, whatever answers it (an operation, a refusal of the security
 * chain, the route filter, the size limit, the token endpoint, the actuator, the docs), and the lines logged while
 * serving it carry the same id. What Tomcat refuses before the application runs: {@code ContainerErrorsTest}.
 */
class RequestIdTest extends RunningServerTest {

    private static final String NEW_ID = "[0-9a-f]{32}";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final Logger accessLog = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final List<Map<String, String>> loggedContexts = new CopyOnWriteArrayList<>();
    private final List<String> loggedLines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            loggedContexts.add(Map.copyOf(event.getMDCPropertyMap()));
            loggedLines.add(event.getFormattedMessage());
        }
    };
    private Level level;

    @BeforeEach
    void captureTheAccessLog() {
        level = accessLog.getLevel();
        accessLog.setLevel(Level.INFO);
        appender.start();
        accessLog.addAppender(appender);
    }

    @AfterEach
    void releaseTheAccessLog() {
        accessLog.detachAppender(appender);
        accessLog.setLevel(level);
    }

    @Test
    void shouldNameEveryKindOfAnswer() {
        Map<String, Answer> answers = Map.of(
                "a record", new Answer(asAdmin().get("/api/crm/emailaccounts/" + ID), 200),
                "a record not found", new Answer(asAdmin().get("/api/crm/emailaccounts/1"), 404),
                "an unknown path", new Answer(asAdmin().get("/api/crm/nothing-here"), 404),
                "a method the path does not take", new Answer(asAdmin().send("PATCH", "/api/crm/emailaccounts", null, null), 405),
                "no credentials", new Answer(http().get("/api/crm/emailaccounts/" + ID), 401),
                "a bad parameter", new Answer(asAdmin().get("/api/crm/emailaccounts?page=zero"), 400),
                "a body over the limit", new Answer(asAdmin().put("/api/crm/emailaccounts",
                        "{\"x\":\"" + "a".repeat(70_000) + "\"}"), 413),
                "a refused sign-in at the token endpoint", new Answer(http().postForm("/api/token",
                        "grant_type=password&username=" + ADMIN + "&password=wrong"), 400),
                "the readiness probe", new Answer(http().get("/actuator/health/readiness"), 200),
                "the reference", new Answer(http().get("/docs/index.html"), 200));

        answers.forEach((what, answer) -> {
            assertThat(answer.response().status()).as(what).isEqualTo(answer.status());
            assertThat(answer.id()).as(what).matches(NEW_ID);
        });
        assertThat(answers.values().stream().map(Answer::id).distinct()).as("one id per request").hasSize(answers.size());
    }

    private record Answer(RawHttp.Response response, int status) {
        String id() {
            return response.header(RequestIds.HEADER);
        }
    }

    @Test
    void shouldTakeTheCallersSaneIdElseItsTraceIdElseANewOne() {
        String traceparent = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

        assertThat(asAdmin().header("X-Request-Id", "ticket-42").header("traceparent", traceparent)
                .get("/api/crm/emailaccounts/" + ID).header(RequestIds.HEADER)).isEqualTo("ticket-42");
        assertThat(asAdmin().header("X-Request-Id", "two words").header("traceparent", traceparent)
                .get("/api/crm/emailaccounts/" + ID).header(RequestIds.HEADER)).isEqualTo(TRACE_ID);
        assertThat(http().header("X-Request-Id", "x".repeat(129)).get("/api/crm/emailaccounts/" + ID)
                .header(RequestIds.HEADER)).matches(NEW_ID);
    }

    @Test
    void shouldLogWhatTheContainerRefusesWithTheIdItsAnswerNames() throws Exception {
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write("GET /api/crm/emailaccounts%zz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: refused-42\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("\r\nRequest-Id: refused-42\r\n");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (loggedLines.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(loggedLines).containsExactly("method=GET path=- operation=- status=400 duration_ms=- user=- request_id=refused-42");
        assertThat(loggedContexts).containsExactly(Map.of(RequestIds.MDC_KEY, "refused-42"));
    }

    @Test
    void shouldPutTheIdInTheAccessLogAndInTheContextOfEveryLineLoggedForTheRequest() {
        RawHttp.Response read = asAdmin().header("X-Request-Id", "find-me-in-the-log").get("/api/crm/emailaccounts/" + ID);
        RawHttp.Response refused = http().get("/api/crm/emailaccounts/" + ID);

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (loggedLines.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(loggedLines).hasSize(2);
        assertThat(loggedLines.get(0)).endsWith(" request_id=find-me-in-the-log");
        assertThat(loggedLines.get(1)).endsWith(" request_id=" + refused.header(RequestIds.HEADER));
        assertThat(loggedContexts).hasSize(2);
        assertThat(loggedContexts.get(0)).containsEntry(RequestIds.MDC_KEY, "find-me-in-the-log");
        assertThat(loggedContexts.get(1)).containsEntry(RequestIds.MDC_KEY, refused.header(RequestIds.HEADER));
        assertThat(refused.header(RequestIds.HEADER)).as("a new id, where the caller gave none and no trace is made")
                .matches("[0-9a-f]{32}");
    }
}
