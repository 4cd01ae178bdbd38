package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.api.EmailAccountsApi;

/**
 * The id this project's server gives each request ({@code Request-Id}) reaches the caller in the exception, and the
 * DEBUG line of each request sent again names the id of the answer that asked for it.
 */
class RequestIdsTest {

    private static final String ENVELOPE = "{\"Status\":404,\"Message\":\"Id: EmailAccount 7 was not found\",\"Value\":null,"
            + "\"Errors\":[],\"WasSuccessful\":false}";

    /** System.Logger's lines, through java.util.logging (no other logging framework is on the tests' class path). */
    private final Logger clientLog = Logger.getLogger("io.emailaccounts.client");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;

    @BeforeEach
    void captureTheClientsLog() {
        level = clientLog.getLevel();
        clientLog.setLevel(Level.FINE);
        handler.setLevel(Level.ALL);
        clientLog.addHandler(handler);
    }

    @AfterEach
    void releaseTheClientsLog() {
        clientLog.removeHandler(handler);
        clientLog.setLevel(level);
    }

    @Test
    void shouldNameTheRequestInTheExceptionAndItsMessage() {
        try (RecordingServer server = new RecordingServer()) {
            server.answer(404, ENVELOPE, Map.of("Request-Id", "4bf92f3577b34da6a3ce929d0e0e4736"));

            ApiException failure = catchThrowableOfType(ApiException.class, () -> new EmailAccountsApi(
                    NexudusClients.basicAuth(server.baseUrl(), "a", "b")).getEmailAccount(7L, null));

            assertThat(failure.getCode()).isEqualTo(404);
            assertThat(failure.getRequestId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(failure.getMessage()).endsWith(" (Request-Id 4bf92f3577b34da6a3ce929d0e0e4736)");
            assertThat(new UncheckedApiException(failure).getMessage()).isEqualTo(failure.getMessage());
        }
    }

    @Test
    void shouldNameNoRequestWhenTheAnswerNamesNone() {
        try (RecordingServer server = new RecordingServer()) {
            server.answer(404, ENVELOPE);

            ApiException failure = catchThrowableOfType(ApiException.class, () -> new EmailAccountsApi(
                    NexudusClients.basicAuth(server.baseUrl(), "a", "b")).getEmailAccount(7L, null));

            assertThat(failure.getRequestId()).isNull();
            assertThat(failure.getMessage()).doesNotContain("Request-Id");
        }
    }

    @Test
    void shouldLogEachResendAtDebugWithTheIdOfTheAnswerThatAskedForIt() throws ApiException {
        try (RecordingServer server = new RecordingServer()) {
            server.answer(503, "", Map.of("Retry-After", "1", "Request-Id", "first-attempt"))
                    .answer(200, "{\"Id\": 7}", Map.of("Request-Id", "second-attempt"));

            new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b",
                    ClientOptions.defaults().withSleeper(wait -> { }))).deleteEmailAccount(7L);
        }

        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.FINE);
            assertThat(java.text.MessageFormat.format(record.getMessage(), record.getParameters()))
                    .isEqualTo("DELETE /api/crm/emailaccounts/7 answered 503 (Request-Id first-attempt): sending it again in 1000 ms (attempt 2)");
        });
    }

    @Test
    void shouldLogAResendAfterNoAnswerWithoutAnId() throws ApiException {
        try (RecordingServer server = new RecordingServer()) {
            server.stayMute().answer(200, "{\"Id\": 7}");

            new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b", ClientOptions.defaults()
                    .withSleeper(wait -> { }).withRequestTimeout(java.time.Duration.ofMillis(200)))).deleteEmailAccount(7L);
        }

        assertThat(logged).singleElement().satisfies(record -> assertThat(
                java.text.MessageFormat.format(record.getMessage(), record.getParameters()))
                .startsWith("DELETE /api/crm/emailaccounts/7 got no answer (java.net.http.HttpTimeoutException")
                .endsWith(": sending it again in 500 ms (attempt 2)"));
    }
}
