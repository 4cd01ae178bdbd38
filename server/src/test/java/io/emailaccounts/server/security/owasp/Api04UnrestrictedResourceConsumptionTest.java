package io.emailaccounts.server.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * OWASP API4:2023, Unrestricted Resource Consumption: requests that cost the server more than they should. Bodies are
 * bounded before they are read or a password checked, pages and batches by the contract, nesting by the parser, user
 * names by the contract before any password check; writes and failed sign-ins by rate limits (LimitsTest,
 * TokenRequestLimitTest, Api06), concurrent password checks by a pool (VerifiedPasswordCacheTest).
 */
class Api04UnrestrictedResourceConsumptionTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    @Test
    void shouldRefuseALargeBodyBeforeReadingItOrCheckingAPassword() {
        String megabyte = "{\"DisplayName\":\"" + "x".repeat(1 << 20) + "\"}";

        RawHttp.Response refused = http().basicAuth("nobody@example.com", "guess").send("POST", PATH, "application/json", megabyte);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("WasSuccessful").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldBoundEveryPageAndBatch() {
        String batch = LongStream.rangeClosed(1, 1001).mapToObj(Long::toString).collect(Collectors.joining(",", "%5B", "%5D"));

        assertThat(asAdmin().get(PATH + "?size=1000").status()).isEqualTo(200);
        assertThat(asAdmin().get(PATH + "?size=1001").status()).isEqualTo(400);
        assertThat(asAdmin().get(PATH + "?id=" + batch).status()).as("1001 Ids").isEqualTo(400);
    }

    @Test
    void shouldRefuseDeepNestingAsABadBody() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        RawHttp.Response refused = asAdmin().send("POST", PATH, "application/json", deep);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("Message").asString()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void shouldRefuseAnOverlongUserNameWithoutCheckingAPassword() {
        String name = "a".repeat(256);

        RawHttp.Response token = http().postForm("/api/token", "grant_type=password&username=" + name + "&password=x");
        RawHttp.Response basic = http().basicAuth("a".repeat(5000), "x").get(PATH);

        assertThat(token.status()).isEqualTo(400);
        assertThat(token.json().get("error").asString()).isEqualTo("invalid_request");
        assertThat(basic.status()).isEqualTo(401);
    }
}
