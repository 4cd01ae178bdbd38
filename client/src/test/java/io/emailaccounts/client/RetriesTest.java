package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.EmailAccountFields;
import io.emailaccounts.client.model.EmailAccountUpdate;

/** Timeouts and retries of the clients {@link NexudusClients} makes, seen from the server. */
class RetriesTest {

    private static final String RECORD_ID = "{\"Id\": 7}";
    private static final String ACTION = """
            {"Status": 200, "Message": "done", "Value": {"Id": 7}, "OpenInDialog": false, "OpenInWindow": false,
             "RedirectURL": null, "JavaScript": null, "UpdatedOn": "2025-01-15T10:30:00Z", "UpdatedBy": "a",
             "Errors": null, "WasSuccessful": true}
            """;
    private static final String ENVELOPE = """
            {"Status": %d, "Message": "Try later.", "Value": null, "WasSuccessful": false,
             "Errors": [{"AttemptedValue": null, "Message": "Try later.", "PropertyName": null}]}
            """;

    private final RecordingServer server = new RecordingServer();
    private final List<Duration> waits = new ArrayList<>();
    private final ClientOptions options = ClientOptions.defaults().withSleeper(waits::add);

    @AfterEach
    void stopServer() {
        server.close();
    }

    private EmailAccountsApi api(ClientOptions options) {
        return new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b", options));
    }

    private static String envelope(int status) {
        return ENVELOPE.formatted(status);
    }

    private static EmailAccountFields fields() {
        return new EmailAccountFields().businessId(1001L).displayName("Inbox");
    }

    private static EmailAccountUpdate update() {
        return new EmailAccountUpdate().id(7L).businessId(1001L).displayName("Inbox");
    }

    @Test
    void shouldRetryATooManyRequestsAnswerAfterRetryAfter() throws ApiException {
        server.answer(429, envelope(429), Map.of("Retry-After", "2")).answer(200, ACTION);

        assertThat(api(options).updateEmailAccount(update(), null).getWasSuccessful()).isTrue();

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).body()).isEqualTo(server.requests().get(0).body());
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void shouldRetryACreateRefusedWithTooManyRequests() throws ApiException {
        server.answer(429, envelope(429), Map.of("Retry-After", "1")).answer(200, ACTION);

        api(options).createEmailAccount(fields(), null);

        assertThat(server.requests()).extracting(RecordingServer.Request::method).containsExactly("POST", "POST");
    }

    @Test
    void shouldRetryTheHostedServicesThrottlingConflict() throws ApiException {
        server.answer(409, envelope(409), Map.of("Retry-After", "3")).answer(200, ACTION);

        api(options).createEmailAccount(fields(), null);

        assertThat(server.requests()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void shouldNotRetryAConflictWithoutRetryAfter() {
        server.answer(409, envelope(409)).answer(200, ACTION);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> api(options).updateEmailAccount(update(), null));

        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldRetryAnUnavailableServerWithBackoffForRepeatableRequests() throws ApiException {
        server.answer(503, envelope(503)).answer(503, envelope(503)).answer(200, RECORD_ID);

        api(options).deleteEmailAccount(7L);

        assertThat(server.requests()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void shouldSendEveryCreateWithAFreshKeyOfItsOwn() throws ApiException {
        server.answer(200, ACTION).answer(200, ACTION);

        new EmailAccounts(NexudusClients.basicAuth(server.baseUrl(), "a", "b", options)).create(fields());
        api(options).createEmailAccount(fields(), null);

        List<String> keys = server.requests().stream().map(request -> request.header("Idempotency-Key")).toList();
        assertThat(keys).allSatisfy(key -> assertThat(UUID.fromString(key)).isNotNull()).doesNotHaveDuplicates();
    }

    @Test
    void shouldSendTheCallersOwnKey() throws ApiException {
        server.answer(200, ACTION);

        new EmailAccounts(NexudusClients.basicAuth(server.baseUrl(), "a", "b", options)).create(fields(), "order-4711-inbox");

        assertThat(server.requests().get(0).header("Idempotency-Key")).isEqualTo("order-4711-inbox");
    }

    @Test
    void shouldSendACreateAgainWithTheSameKeyWhenItsAnswerWasLost() throws ApiException {
        server.loseAnswer().answer(200, ACTION);

        long id = api(options).createEmailAccount(fields(), null).getValue().getId();

        assertThat(id).isEqualTo(7);
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("Idempotency-Key")).isEqualTo(server.requests().get(0).header("Idempotency-Key"));
        assertThat(server.requests().get(1).body()).isEqualTo(server.requests().get(0).body());
    }

    @Test
    void shouldSendACreateAgainWithTheSameKeyAfterAnUnavailableServerOrAKeyInProgress() throws ApiException {
        server.answer(503, envelope(503), Map.of("Retry-After", "2")).answer(409, envelope(409), Map.of("Retry-After", "1"))
                .answer(200, ACTION);

        api(options).createEmailAccount(fields(), "order-4711-inbox");

        assertThat(server.requests()).extracting(request -> request.header("Idempotency-Key")).containsOnly("order-4711-inbox").hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    void shouldNotRepeatACreateToTheHostedServiceWhichIgnoresTheKey() {
        HttpRequest hostedCreate = HttpRequest.newBuilder(URI.create(NexudusClients.HOSTED_BASE_URL + "/api/crm/emailaccounts"))
                .header("Idempotency-Key", "k").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpRequest ownCreate = HttpRequest.newBuilder(URI.create("https://emailaccounts.example.com/api/crm/emailaccounts"))
                .header("Idempotency-Key", "k").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpRequest hostedUpdate = HttpRequest.newBuilder(URI.create(NexudusClients.HOSTED_BASE_URL + "/api/crm/emailaccounts"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertThat(RetryingHttpClient.mayRepeat(hostedCreate)).isFalse();
        assertThat(RetryingHttpClient.mayRepeat(ownCreate)).isTrue();
        assertThat(RetryingHttpClient.mayRepeat(hostedUpdate)).isTrue();
    }

    @Test
    void shouldGiveATokenRequestNoKey() {
        HttpRequest token = HttpRequest.newBuilder(URI.create("http://localhost/api/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password")).build();

        assertThat(RetryingHttpClient.withIdempotencyKey(token).headers().firstValue("Idempotency-Key")).isEmpty();
    }

    @Test
    void shouldStopAfterTheLastRetryAndHandOverTheAnswer() {
        for (int i = 0; i < 5; i++) {
            server.answer(429, envelope(429), Map.of("Retry-After", "1"));
        }

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> api(options.withMaxRetries(2)).updateEmailAccount(update(), null));

        assertThat(refused.getCode()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().firstValue("Retry-After")).hasValue("1");
        assertThat(ApiErrors.envelope(refused)).hasValueSatisfying(envelope -> assertThat(envelope.getMessage()).isEqualTo("Try later."));
        assertThat(server.requests()).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void shouldNotWaitLongerThanAllowed() {
        server.answer(429, envelope(429), Map.of("Retry-After", "300")).answer(200, ACTION);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> api(options).updateEmailAccount(update(), null));

        assertThat(refused.getCode()).isEqualTo(429);
        assertThat(server.requests()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldUnderstandRetryAfterAsADate() throws ApiException {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        server.answer(503, envelope(503), Map.of("Retry-After", inTenSeconds)).answer(200, RECORD_ID);

        api(options).deleteEmailAccount(7L);

        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
    }

    @Test
    void shouldGiveUpOnASlowServerAfterTheRequestTimeout() {
        server.answerAfter(Duration.ofSeconds(3), 200, RECORD_ID);

        long started = System.nanoTime();
        ApiException failed = catchThrowableOfType(ApiException.class, () -> api(options
                .withRequestTimeout(Duration.ofMillis(300)).withMaxRetries(0)).deleteEmailAccount(7L));

        assertThat(failed).hasRootCauseInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldRetryEvenACreateWhenTheConnectionCouldNotBeOpened() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EmailAccountsApi unreachable = new EmailAccountsApi(
                NexudusClients.basicAuth("http://127.0.0.1:" + closedPort, "a", "b", options.withMaxRetries(2)));

        ApiException failed = catchThrowableOfType(ApiException.class, () -> unreachable.createEmailAccount(fields(), null));

        assertThat(failed).hasCauseInstanceOf(java.net.ConnectException.class);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void shouldRefuseNonsenseOptions() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ClientOptions.defaults().withMaxRetries(-1)))
                .hasMessageContaining("maxRetries");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ClientOptions.defaults().withRequestTimeout(Duration.ZERO))).hasMessageContaining("requestTimeout");
    }
}
