package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * OWASP API8:2023, Security Misconfiguration: defaults that help an attacker. Every answer, an error's included,
 * carries the security headers and no cache; an error never shows a stack trace or the framework's page; TRACE does
 * not echo the request; no management endpoint but health, metrics and backup exists; a foreign origin is given no
 * CORS permission; production mode refuses unsafe settings at start-up (ConfiguredUsersTest). TLS is TlsIT's.
 */
class Api08SecurityMisconfigurationTest extends RunningServerTest {

    private static final String RECORD = "/api/crm/emailaccounts/" + ID;

    @Test
    void shouldSendTheSecurityHeadersOnAnswersAndErrors() {
        for (RawHttp.Response answer : new RawHttp.Response[] {asAdmin().get(RECORD), http().get(RECORD),
                asAdmin().get("/api/crm/emailaccounts/0"), http().get("/nothing-here"),
                asAdmin().get("/api//crm/emailaccounts") /* refused by the firewall */}) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(answer.header("Server")).isNull();
        }
    }

    @Test
    void shouldShowNoInternalsInAnError() {
        RawHttp.Response malformed = asAdmin().send("PUT", "/api/crm/emailaccounts", "application/json", "{\"Id\": ");
        RawHttp.Response wrongType = asAdmin().send("PUT", "/api/crm/emailaccounts", "application/xml", "<Id/>");

        for (RawHttp.Response error : new RawHttp.Response[] {malformed, wrongType}) {
            assertThat(error.status()).isBetween(400, 499);
            assertThat(error.json().get("WasSuccessful").asBoolean()).isFalse();
            assertThat(error.body()).doesNotContain("Exception", "at io.", "at org.", "jackson", "springframework", "Tomcat");
        }
    }

    @Test
    void shouldNotEchoATraceNorExposeManagementEndpoints() {
        RawHttp.Response trace = asAdmin().header("X-Probe", "echoed?").send("TRACE", RECORD, null, null);

        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("echoed?", "Authorization");
        for (String endpoint : new String[] {"/actuator", "/actuator/env", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings", "/actuator/beans", "/h2-console"}) {
            assertThat(asAdmin().get(endpoint).status()).as(endpoint).isEqualTo(404);
        }
    }

    @Test
    void shouldGiveAForeignOriginNoCorsPermission() {
        RawHttp.Response read = asAdmin().header("Origin", "https://attacker.example").get(RECORD);
        RawHttp.Response preflight = http().header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "DELETE").send("OPTIONS", RECORD, null, null);

        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        for (String path : new String[] {RECORD, "/api/token", "/actuator/health", "/actuator/prometheus", "/docs/"}) {
            RawHttp.Response refused = asAdmin().header("Origin", "https://attacker.example")
                    .header("Access-Control-Request-Method", "POST").send("OPTIONS", path, null, null);
            assertThat(refused.status()).as("a preflight, CORS not configured: the OPTIONS it is, on " + path).isEqualTo(405);
            assertThat(refused.header("Allow")).doesNotContain("TRACE", "OPTIONS");
            assertThat(refused.json().get("WasSuccessful").asBoolean()).isFalse();
        }
        // An Origin that is not one is answered as if there were none.
        for (String origin : new String[] {"http://host:abc", "http://a%zz", "null"}) {
            assertThat(asAdmin().header("Origin", origin).get(RECORD).status()).as(origin).isEqualTo(200);
            assertThat(http().header("Origin", origin).get("/actuator/health").status()).as(origin).isEqualTo(200);
        }
    }

    /** A redirect names a path, not a host the request's Host header chose. */
    @Test
    void shouldRedirectToAPathOnly() {
        RawHttp.Response root = http().get("/");

        assertThat(root.status()).isBetween(300, 399);
        assertThat(root.header("Location")).isEqualTo("/docs/");
    }

    @Test
    void shouldServeNoPartOfHealthButItsProbes() {
        for (String path : new String[] {"/actuator/health/db", "/actuator/health/diskSpace", "/actuator/health/xyz"}) {
            RawHttp.Response refused = http().get(path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.json().get("WasSuccessful").asBoolean()).isFalse();
        }
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
