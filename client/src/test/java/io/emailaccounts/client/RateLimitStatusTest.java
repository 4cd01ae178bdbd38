package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.api.EmailAccountsApi;

class RateLimitStatusTest {

    private static final String ACCEPTED = """
            {"Status": 200, "Message": "EmailAccount was successfully updated.", "Value": {"Id": 1}, "WasSuccessful": true}
            """;

    private final RecordingServer server = new RecordingServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Optional<RateLimitStatus> of(String policy, String limit) {
        return RateLimitStatus.of(HttpHeaders.of(Map.of("RateLimit-Policy", List.of(policy), "RateLimit", List.of(limit)),
                (name, value) -> true));
    }

    @Test
    void shouldReadTheWritesLeftAndWhenOneMoreComesFromAnAcceptedWrite() throws ApiException {
        server.answer(200, ACCEPTED, Map.of("RateLimit-Policy", "\"writes\";q=600;w=60", "RateLimit", "\"writes\";r=597;t=1"));
        EmailAccountsApi api = new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b"));

        RateLimitStatus status = RateLimitStatus.of(api.updateEmailAccountWithHttpInfo(NexudusClientsTest.helpDesk(), null))
                .orElseThrow();

        assertThat(status).isEqualTo(new RateLimitStatus("writes", 597, Optional.of(Duration.ofSeconds(1)), OptionalLong.of(600),
                Optional.of(Duration.ofMinutes(1))));
    }

    @Test
    void shouldReadTheRefusalOfA429() {
        server.answer(429, """
                {"Status": 429, "Message": "Too many changes", "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": null, "Message": "Too many changes", "PropertyName": null}]}
                """, Map.of("Retry-After", "2", "RateLimit-Policy", "\"writes\";q=600;w=60", "RateLimit", "\"writes\";r=0;t=2"));
        EmailAccountsApi api = new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b",
                ClientOptions.defaults().withMaxRetries(0)));

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> api.updateEmailAccount(NexudusClientsTest.helpDesk(), null));

        assertThat(RateLimitStatus.of(refused)).hasValueSatisfying(status -> {
            assertThat(status.remaining()).isZero();
            assertThat(status.untilMore()).hasValue(Duration.ofSeconds(2));
        });
    }

    @Test
    void shouldFindNothingInTheHostedServicesAnswers() throws ApiException {
        server.answer(200, ACCEPTED);
        EmailAccountsApi api = new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b"));

        assertThat(RateLimitStatus.of(api.updateEmailAccountWithHttpInfo(NexudusClientsTest.helpDesk(), null))).isEmpty();
    }

    @Test
    void shouldReadEveryFormTheDraftAllows() {
        // Several policies, spaces, other parameters, a partition key: the first limit, with its own policy.
        assertThat(of("\"burst\";q=100;w=60, \"daily\";q=1000;w=86400", "\"daily\";r=999;t=3600;pk=:cHsdsRa894==:, \"burst\";r=50"))
                .hasValue(new RateLimitStatus("daily", 999, Optional.of(Duration.ofHours(1)), OptionalLong.of(1000),
                        Optional.of(Duration.ofDays(1))));
        // No reset, no window, no policy named.
        assertThat(of("\"other\";q=5", "\"default\";r=3")).hasValue(new RateLimitStatus("default", 3, Optional.empty(),
                OptionalLong.empty(), Optional.empty()));
        // A field split over two lines is one list.
        assertThat(RateLimitStatus.of(HttpHeaders.of(Map.of("RateLimit", List.of("\"a\";r=1", "\"b\";r=2")), (name, value) -> true)))
                .map(RateLimitStatus::policy).hasValue("a");
    }

    /** A field that is not a valid list of the draft's items is ignored whole, as the draft asks; the same cases as the TypeScript client's. */
    @Test
    void shouldIgnoreAFieldThatIsNotValid() {
        for (String limit : List.of("", "\"broken;r=1, \"writes\";r=2", "\"writes\";r=5 garbage, \"x\";r=1",
                "\"writes\";r=1.5;t=1", "\"writes\";r=5;t=2.5", "\"writes\";r =5", "\"writes\";r=-1", "\"writes\";r=5;t=-1",
                "\"writes\";t=1", "\"writes\";r=5;flag=?x", ":d3JpdGVz:;r=5", "writes;r=5", "(\"inner\");r=1, \"writes\";r=2",
                "\"writes\";r=5;1k=2", "\"writes\";r=5;pk=:a b:", "\"writes\";r=12345678901234567890", "\"writes\";r=5,",
                "\"wr\u00e9\";r=5")) {
            assertThat(of("\"writes\";q=600;w=60", limit)).as(limit).isEmpty();
        }
        // A policy field that is not valid leaves the limit without its quota.
        assertThat(of("\"writes\";q=600;w=0", "\"writes\";r=5")).map(RateLimitStatus::quota).hasValue(OptionalLong.empty());
    }
}
