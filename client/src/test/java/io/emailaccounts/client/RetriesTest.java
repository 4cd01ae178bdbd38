package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.emailaccounts.client.api.EmailAccountsApi;

/**
 * What the Java client's retries do beyond the scenarios both clients run ({@link ScenariosTest}): a Retry-After
 * given as a date, a caller's interrupt, and options that make no sense.
 */
class RetriesTest {

    @Test
    void shouldUnderstandRetryAfterAsADate() throws ApiException {
        List<Duration> waits = new ArrayList<>();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        try (RecordingServer server = new RecordingServer()) {
            server.answer(503, "", Map.of("Retry-After", inTenSeconds)).answer(200, "{\"Id\": 7}");

            new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b",
                    ClientOptions.defaults().withSleeper(waits::add))).deleteEmailAccount(7L);
        }

        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
    }

    @Test
    void shouldStopAtOnceWhenTheCallingThreadIsInterrupted() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.stayMute().answer(200, "{\"Id\": 7}");
            EmailAccountsApi emailAccounts = new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b"));
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                while (server.requests().isEmpty()) {
                    Thread.onSpinWait();
                }
                caller.interrupt();
            });
            interrupter.start();

            ApiException stopped = catchThrowableOfType(ApiException.class, () -> emailAccounts.getEmailAccount(7L, null));
            boolean interrupted = Thread.interrupted();
            interrupter.join();

            assertThat(interrupted).as("the interrupt kept for the caller").isTrue();
            assertThat(stopped).hasCauseInstanceOf(InterruptedException.class);
            assertThat(server.requests()).as("not sent again").hasSize(1);
        }
    }

    @Test
    void shouldRefuseNonsenseOptions() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ClientOptions.defaults().withMaxRetries(-1)))
                .hasMessageContaining("maxRetries");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ClientOptions.defaults().withRequestTimeout(Duration.ZERO))).hasMessageContaining("requestTimeout");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ClientOptions.defaults().withConnectTimeout(Duration.ofSeconds(-1)))).hasMessageContaining("connectTimeout");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ClientOptions.defaults().withMaxRetryWait(Duration.ofSeconds(-1)))).hasMessageContaining("maxRetryWait");
    }
}
