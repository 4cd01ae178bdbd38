package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * The token endpoint's own rate limits: per client address (6 a minute here), and password grants per user name (2
 * here) from the addresses that did not sign in under it lately.
 */
@TestPropertySource(properties = {
        "emailaccounts.rate-limit.token-requests-per-minute=6",
        "emailaccounts.rate-limit.token-requests-per-minute-per-name=2",
})
class TokenRequestLimitTest extends RunningServerTest {

    private static final String PER_ADDRESS = "Too many token requests: at most 6 a minute are accepted from one address; "
            + "try again later.";
    private static final String PER_NAME = "Too many token requests for this user name: at most 2 a minute; try again later.";

    @Test
    void shouldRefuseTokenRequestsOverEitherLimitWithTheEnvelopeAndRetryAfter() {
        for (int grant = 1; grant <= 3; grant++) {
            assertThat(grant(ADMIN, ADMIN_PASSWORD).status()).as("grant %d of a name signed in from this address", grant)
                    .isEqualTo(200);
        }
        // A name no test signs in under (on PostgreSQL, successes from this address are kept across the suite's servers).
        String guessed = "guessed-" + UUID.randomUUID() + "@example.com";
        for (int grant = 1; grant <= 2; grant++) {
            assertThat(grant(guessed, "wrong").status()).as("wrong grant " + grant).isEqualTo(400);
        }
        RawHttp.Response nameUsedUp = grant(guessed, "wrong again");
        RawHttp.Response addressUsedUp = http().postForm("/api/token", "grant_type=refresh_token&refresh_token=made-up");

        assertThat(nameUsedUp.status()).isEqualTo(429);
        assertThat(nameUsedUp.json()).isEqualTo(RawHttp.requestErrorEnvelope(429, PER_NAME));
        assertThat(Long.parseLong(nameUsedUp.header("Retry-After"))).isBetween(1L, 31L);
        assertThat(addressUsedUp.status()).isEqualTo(429);
        assertThat(addressUsedUp.json()).isEqualTo(RawHttp.requestErrorEnvelope(429, PER_ADDRESS));
        assertThat(Long.parseLong(addressUsedUp.header("Retry-After"))).isBetween(1L, 11L);
        assertThat(http().basicAuth(ADMIN, ADMIN_PASSWORD).get("/api/crm/emailaccounts").status())
                .as("the other ways of signing in are not limited by it").isEqualTo(200);
    }

    private RawHttp.Response grant(String username, String password) {
        return http().postForm("/api/token", "grant_type=password&username=" + username + "&password=" + password);
    }
}
