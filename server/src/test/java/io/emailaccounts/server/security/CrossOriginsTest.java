package io.emailaccounts.server.security;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * CORS for a browser app on another origin, as a browser sends it (the Origin header, a preflight before a request a
 * page cannot send on its own): allowed for the configured origin on every path of the contract, with the methods,
 * request headers and exposed response headers the contract gives; refused in the envelope for any other, before
 * credentials are checked.
 */
@TestPropertySource(properties = "emailaccounts.cors.allowed-origins=https://app.example.com,http://localhost:3000")
class CrossOriginsTest extends RunningServerTest {

    private static final String APP = "https://app.example.com";
    private static final String PATH = "/api/crm/emailaccounts";
    private static final String REFUSED = "This request may not be made from a page of this origin: the server does not "
            + "allow its origin, method or headers (CORS).";

    private RawHttp.Response preflight(String origin, String path, String method, String headers) {
        return http().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).send("OPTIONS", path, null, null);
    }

    private static List<String> listed(RawHttp.Response response, String header) {
        return Arrays.stream(String.join(",", response.headers(header)).split(",")).map(String::trim).toList();
    }

    @Test
    void shouldAnswerAPreflightOfAnAllowedOriginWithWhatTheContractTakes() {
        RawHttp.Response update = preflight(APP, PATH, "PUT", "authorization,content-type,if-match,prefer");
        RawHttp.Response create = preflight("http://localhost:3000", PATH, "POST", "authorization,content-type,idempotency-key");
        RawHttp.Response token = preflight(APP, "/api/token", "POST", "content-type");
        RawHttp.Response traced = preflight(APP, PATH + "/" + ID, "GET", "authorization,x-request-id,traceparent");

        for (RawHttp.Response answer : List.of(update, create, token, traced)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Access-Control-Allow-Credentials")).as("no cookies").isNull();
            assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("3600");
        }
        assertThat(update.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(create.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        // Each path's own methods: the token endpoint takes POST only.
        assertThat(listed(update, "Access-Control-Allow-Methods")).containsExactly("GET", "HEAD", "POST", "PUT");
        assertThat(listed(token, "Access-Control-Allow-Methods")).containsExactly("POST");
        assertThat(listed(update, "Access-Control-Allow-Headers")).containsExactlyInAnyOrder("authorization", "content-type", "if-match", "prefer");
        assertThat(listed(create, "Access-Control-Allow-Headers")).contains("idempotency-key");
        assertThat(listed(traced, "Access-Control-Allow-Headers")).contains("x-request-id", "traceparent");
    }

    @Test
    void shouldLetAnAllowedOriginReadTheContractsResponseHeaders() {
        RawHttp.Response read = asAdmin().header("Origin", APP).get(PATH + "/" + ID);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(listed(read, "Access-Control-Expose-Headers"))
                .contains("ETag", "Retry-After", "Idempotent-Replayed", "Preference-Applied", "RateLimit", "RateLimit-Policy");
        // A refusal of an allowed origin is readable too: the page sees the 401's envelope.
        RawHttp.Response unauthenticated = http().header("Origin", APP).get(PATH + "/" + ID);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void shouldRefuseAnotherOriginInTheEnvelopeBeforeCheckingCredentials() {
        RawHttp.Response preflight = preflight("https://evil.example.com", PATH, "PUT", "authorization");
        RawHttp.Response request = http().basicAuth(ADMIN, "wrong").header("Origin", "https://evil.example.com").get(PATH + "/" + ID);
        RawHttp.Response method = preflight(APP, PATH, "PATCH", "authorization");
        RawHttp.Response header = preflight(APP, PATH, "PUT", "x-forged");
        RawHttp.Response notAnOrigin = http().header("Origin", "http://host:abc").get(PATH + "/" + ID);
        // A method the path does not take, sent without a preflight: refused by CORS before the route filter's 405.
        RawHttp.Response notTaken = asAdmin().header("Origin", APP).send("DELETE", "/api/token", null, null);

        for (RawHttp.Response refused : List.of(preflight, request, method, header, notAnOrigin, notTaken)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json()).isEqualTo(RawHttp.requestErrorEnvelope(403, REFUSED));
            assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void shouldRefuseASettingABrowserWouldNeverMatch() {
        for (String origin : List.of("https://app.example.com/", "https://app.example.com:443", "http://app.example.com:80",
                "https://*.example.com", "https://user@app.example.com", "https://app.example.com.", "app.example.com",
                "https://\u00e9t\u00e9.example.com")) {
            assertThatThrownBy(() -> new EmailAccountsProperties.Cors(List.of(origin))).as(origin)
                    .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining(origin);
        }
        assertThat(new EmailAccountsProperties.Cors(List.of("https://app.example.com:8443", "http://[::1]:3000", "*"))
                .allowedOrigins()).hasSize(3);
    }

    @Test
    void shouldLeaveRequestsWithoutAnOtherOriginAsTheyAre() {
        // Same origin (a browser may send Origin on its own page's requests), and no Origin: as without CORS.
        assertThat(asAdmin().header("Origin", baseUrl()).get(PATH + "/" + ID).status()).isEqualTo(200);
        assertThat(asAdmin().get(PATH + "/" + ID).header("Access-Control-Allow-Origin")).isNull();
        // A preflight of the server's own origin is the OPTIONS it is.
        assertThat(preflight(baseUrl(), PATH, "PUT", "authorization").status()).isEqualTo(405);
    }
}
