package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.emailaccounts.client.api.AuthenticationApi;
import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.EmailAccountFields;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.documentation.Documentation;

/**
 * The clients' network behaviour as the scenario file (network-behaviour.json) writes it down for both clients, run
 * with the Java client against a stand-in server: each attempt routed to it, or to a closed port when the scenario
 * says the connection is refused.
 */
class ScenariosTest {

    static final JsonNode BEHAVIOUR = read();
    private static final String HOSTED_BASE_URL = NexudusClients.HOSTED_BASE_URL;
    private static final String CALLERS_KEY = "order-4711-inbox";

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        return StreamSupport.stream(BEHAVIOUR.path("scenarios").spliterator(), false)
                .map(scenario -> DynamicTest.dynamicTest(scenario.path("name").asText(), () -> run(scenario)));
    }

    @Test
    void shouldShowEveryRowOfTheGuidesTableAndNothingElse() {
        List<String> rows = Documentation.of(Path.of("..")).guide("clients").section("## On the network").text().lines()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| when |"))
                .map(line -> line.substring(2, line.indexOf(" |", 2))).toList();
        List<String> shown = StreamSupport.stream(BEHAVIOUR.path("scenarios").spliterator(), false)
                .map(scenario -> scenario.path("row").asText()).distinct().toList();

        assertThat(rows).as("the rows of the table in the guide Clients, \"On the network\"").hasSizeGreaterThan(10);
        assertThat(shown).as("the rows the scenarios name").containsExactlyInAnyOrderElementsOf(rows);
        assertThat(BEHAVIOUR.path("scenarios")).allSatisfy(scenario -> {
            for (String client : List.of("java", "typescript")) {
                if (scenario.has(client)) {
                    assertThat(scenario.path(client).path("why").asText()).as("%s: why %s differs", scenario.path("name"), client)
                            .isNotBlank();
                }
            }
        });
    }

    private static void run(JsonNode scenario) throws Exception {
        try (RecordingServer standIn = new RecordingServer()) {
            Deque<String> plan = new ArrayDeque<>();
            for (JsonNode answer : scenario.path("answers")) {
                plan.add(answer.isTextual() ? answer.asText() : "answer");
                play(standIn, answer);
            }
            AtomicInteger attempts = new AtomicInteger();
            URI closedPort = closedPort();
            List<Long> waits = new ArrayList<>();
            ClientOptions options = options(scenario.path("options")).withSleeper(wait -> waits.add(wait.toMillis()))
                    .withRouting(attempt -> {
                        attempts.incrementAndGet();
                        String next = plan.poll();
                        if ("connect-timeout".equals(next)) {
                            throw new HttpConnectTimeoutException("HTTP connect timed out");
                        }
                        return to("refused".equals(next) ? closedPort : URI.create(standIn.baseUrl()), attempt);
                    });
            String baseUrl = scenario.path("server").asText().equals("hosted") ? HOSTED_BASE_URL : "http://localhost:8080";
            ApiClient client = scenario.path("auth").asText("basic").equals("passwordGrant")
                    ? NexudusClients.passwordGrant(baseUrl, "a", "b", options)
                    : NexudusClients.basicAuth(baseUrl, "a", "b", options);

            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (JsonNode call : scenario.path("calls")) {
                outcomes.add(outcome(client, NexudusClients.unauthenticated(baseUrl, options), call.asText()));
            }

            JsonNode expected = expected(scenario);
            List<RecordingServer.Request> requests = standIn.requests();
            assertThat(attempts).as("attempts").hasValue(expected.path("attempts").asInt());
            assertThat(requests).map(ScenariosTest::line).as("requests").containsExactlyElementsOf(texts(expected.path("requests")));
            assertThat(waits).as("waits (ms)").containsExactlyElementsOf(
                    StreamSupport.stream(expected.path("waitsMs").spliterator(), false).map(JsonNode::asLong).toList());
            assertThat(outcomes).as("outcomes").containsExactlyElementsOf(
                    StreamSupport.stream(expected.path("outcomes").spliterator(), false).map(ScenariosTest::outcome).toList());
            if (expected.has("keys")) {
                assertThat(keys(requests)).as("Idempotency-Key").containsExactlyElementsOf(texts(expected.path("keys")));
            }
            if (expected.has("prefer")) {
                assertThat(requests).map(request -> request.header("Prefer")).as("Prefer")
                        .containsExactlyElementsOf(texts(expected.path("prefer")));
            }
        }
    }

    /** What the scenario expects, with what it expects of the Java client alone in place. */
    static JsonNode expected(JsonNode scenario) {
        ObjectNode expected = scenario.path("expect").deepCopy();
        scenario.path("java").fields().forEachRemaining(field -> expected.set(field.getKey(), field.getValue()));
        return expected;
    }

    /** Queues what the stand-in answers to the attempts that reach it. */
    private static void play(RecordingServer standIn, JsonNode answer) {
        switch (answer.asText()) {
            case "lost" -> standIn.loseAnswer();
            case "silent" -> standIn.stayMute();
            case "refused", "connect-timeout" -> {
                // never reaches the stand-in
            }
            default -> {
                Map<String, String> headers = new LinkedHashMap<>();
                answer.path("headers").fields().forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
                JsonNode body = answer.path("body");
                standIn.answer(answer.path("status").asInt(), body.isMissingNode() ? "" : BEHAVIOUR.path("bodies").path(body.asText()).toString(),
                        headers);
            }
        }
    }

    private static ClientOptions options(JsonNode options) {
        ClientOptions result = ClientOptions.defaults();
        if (options.has("maxRetries")) {
            result = result.withMaxRetries(options.path("maxRetries").asInt());
        }
        if (options.has("maxRetryWaitMs")) {
            result = result.withMaxRetryWait(Duration.ofMillis(options.path("maxRetryWaitMs").asLong()));
        }
        if (options.has("requestTimeoutMs")) {
            result = result.withRequestTimeout(Duration.ofMillis(options.path("requestTimeoutMs").asLong()));
        }
        if (options.has("strictHandling")) {
            result = result.withStrictHandling(options.path("strictHandling").asBoolean());
        }
        return result;
    }

    /** One call as the caller sees it: the status of the answer returned or raised, or the failure raised. */
    private static Map<String, Object> outcome(ApiClient client, ApiClient unauthenticated, String call) {
        EmailAccountsApi emailAccounts = new EmailAccountsApi(client);
        EmailAccountFields fields = new EmailAccountFields().businessId(1001L).displayName("Inbox");
        try {
            ApiResponse<?> answer = switch (call) {
                case "get" -> emailAccounts.getEmailAccountWithHttpInfo(7L, null);
                case "update" -> emailAccounts.updateEmailAccountWithHttpInfo(
                        new EmailAccountUpdate().id(7L).businessId(1001L).displayName("Inbox"), null);
                case "delete" -> emailAccounts.deleteEmailAccountWithHttpInfo(7L);
                case "create" -> emailAccounts.createEmailAccountWithHttpInfo(fields, null);
                case "createWithKey" -> emailAccounts.createEmailAccountWithHttpInfo(fields, CALLERS_KEY);
                case "token" -> new AuthenticationApi(unauthenticated).createTokenWithHttpInfo("password", "a", "b", null);
                default -> throw new AssertionError("no call " + call);
            };
            return Map.of("status", answer.getStatusCode());
        } catch (ApiException e) {
            if (e.getCode() != 0) {
                return Map.of("status", e.getCode());
            }
            boolean timeout = e.getCause() instanceof HttpTimeoutException && !(e.getCause() instanceof HttpConnectTimeoutException);
            return Map.of("failure", timeout ? "timeout" : "network");
        }
    }

    private static Map<String, Object> outcome(JsonNode expected) {
        return expected.has("status") ? Map.of("status", expected.path("status").asInt())
                : Map.of("failure", expected.path("failure").asText());
    }

    /** The attempt, sent to {@code target} instead (its scheme, host and port), all else as it was. */
    private static HttpRequest to(URI target, HttpRequest attempt) {
        URI uri = attempt.uri();
        return HttpRequest.newBuilder(attempt, (name, value) -> true)
                .uri(target.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))).build();
    }

    /** A port nothing listens on: connecting to it is refused. */
    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request as the scenario file writes it: method and path, a token request with its grant type. */
    private static String line(RecordingServer.Request request) {
        String path = request.path().replaceFirst("\\?.*", "");
        if (!path.equals("/api/token")) {
            return request.method() + " " + path;
        }
        String grant = Arrays.stream(request.body().split("&")).filter(pair -> pair.startsWith("grant_type="))
                .map(pair -> URLDecoder.decode(pair.substring("grant_type=".length()), StandardCharsets.UTF_8))
                .findFirst().orElse("");
        return request.method() + " " + path + " grant_type=" + grant;
    }

    /** The keys as the scenario file writes them: a key the client made as #1, #2 (in order), the caller's as it is. */
    private static List<String> keys(List<RecordingServer.Request> requests) {
        Map<String, String> symbols = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (RecordingServer.Request request : requests) {
            String key = request.header(RetryingHttpClient.IDEMPOTENCY_KEY);
            if (key == null || key.equals(CALLERS_KEY)) {
                keys.add(key);
            } else {
                assertThat(key).as("a key the client made").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
                keys.add(symbols.computeIfAbsent(key, made -> "#" + (symbols.size() + 1)));
            }
        }
        return keys;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.isNull() ? null : node.asText()).toList();
    }

    private static JsonNode read() {
        try (InputStream in = ScenariosTest.class.getResourceAsStream("/network-behaviour.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
