package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/** The token endpoint's own rate limit, per client address and per user name (5 a minute here). */
@TestPropertySource(properties = "emailaccounts.rate-limit.token-requests-per-minute=5")
class TokenRequestLimitTest extends RunningServerTest {

    private static final String MESSAGE = "Too many token requests: at most 5 a minute are accepted from one address, "
            + "and for one user name; try again later.";

    @Test
    void shouldRefuseTokenRequestsOverTheLimitWithTheEnvelopeAndRetryAfter() {
        for (int request = 1; request <= 5; request++) {
            RawHttp.Response answered = http().postForm("/api/token", "grant_type=refresh_token&refresh_token=made-up-" + request);
            assertThat(answered.status()).as("request " + request).isEqualTo(400);
        }

        RawHttp.Response refused = http().postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json()).isEqualTo(RawHttp.requestErrorEnvelope(429, MESSAGE));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
        assertThat(http().basicAuth(ADMIN, ADMIN_PASSWORD).get("/api/crm/emailaccounts").status())
                .as("the other ways of signing in are not limited by it").isEqualTo(200);
    }
}
