package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API2:2023, Broken Authentication: guessing, forging or replaying credentials. Failed sign-ins are throttled
 * per name and address, per address and per name (LimitsTest, LoginThrottleTest), password checks are bounded
 * (VerifiedPasswordCacheTest), refresh tokens end and betray theft (RefreshTokenFamiliesTest), access tokens expire
 * (AccessTokenLifetimeTest). Here: an unknown name is answered as a wrong password; a token whose claims were changed,
 * or whose signature was dropped, is refused; a token is taken from the Authorization header only, a token request's
 * parameters from its body only; token answers are not cached.
 */
class Api02BrokenAuthenticationTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts/" + ID;

    @Test
    void shouldAnswerAnUnknownUserNameAsAWrongPassword() {
        RawHttp.Response unknownName = http().basicAuth("nobody@example.com", "guess").get(PATH);
        RawHttp.Response wrongPassword = http().basicAuth(ADMIN, "guess").get(PATH);
        RawHttp.Response unknownToken = http().postForm("/api/token", "grant_type=password&username=nobody@example.com&password=guess");
        RawHttp.Response wrongToken = http().postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=guess");

        assertThat(unknownName.status()).isEqualTo(401).isEqualTo(wrongPassword.status());
        assertThat(unknownName.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownName.headers("WWW-Authenticate")).isEqualTo(wrongPassword.headers("WWW-Authenticate"));
        assertThat(unknownToken.status()).isEqualTo(400).isEqualTo(wrongToken.status());
        assertThat(unknownToken.body()).isEqualTo(wrongToken.body());
    }

    @Test
    void shouldRefuseATokenWhoseClaimsWereChangedOrWhoseSignatureWasDropped() {
        String[] parts = accessToken(VIEWER, VIEWER_PASSWORD).split("\\.");
        ObjectNode claims = (ObjectNode) RawHttp.json(decode(parts[1]));
        String asAdministrator = parts[0] + "." + encode(claims.put("sub", ADMIN).toString()) + "." + parts[2];
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toString()) + ".";

        for (String forged : new String[] {asAdministrator, unsigned}) {
            RawHttp.Response refused = http().bearer(forged).get(PATH);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
            assertThat(refused.json().get("WasSuccessful").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldTakeATokenFromTheAuthorizationHeaderOnly() {
        String token = accessToken(ADMIN, ADMIN_PASSWORD);

        assertThat(http().bearer(token).get(PATH).status()).isEqualTo(200);
        assertThat(http().get(PATH + "?access_token=" + token).status()).as("in the query, where logs keep it").isEqualTo(401);
    }

    @Test
    void shouldRefuseATokenRequestWithItsParametersInTheUrl() {
        RawHttp.Response inTheUrl = http().postForm("/api/token?grant_type=password&username=" + ADMIN + "&password="
                + ADMIN_PASSWORD, "");

        assertThat(inTheUrl.status()).isEqualTo(400);
        assertThat(inTheUrl.json().get("error").asString()).isEqualTo("invalid_request");
        assertThat(inTheUrl.body()).doesNotContain("access_token", ADMIN_PASSWORD);
    }

    @Test
    void shouldKeepTokenAnswersOutOfCaches() {
        RawHttp.Response answer = http().postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }

    private String accessToken(String username, String password) {
        RawHttp.Response answer = http().postForm("/api/token", "grant_type=password&username=" + username + "&password=" + password);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access_token").asString();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
