package io.emailaccounts.server.web;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.client.ApiErrors;
import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.ClientOptions;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.EmailAccountFields;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/** Body size, write rate and failed sign-in limits, with small limits so that they are quick to reach. */
@TestPropertySource(properties = {
        "emailaccounts.rate-limit.writes-per-minute=60",
        "emailaccounts.login-throttle.max-failures=3",
        "emailaccounts.login-throttle.window=5m",
        // As behind a balancer; but the balancer is not named (server.tomcat.remoteip.internal-proxies), so nobody's
        // X-Forwarded-For is believed.
        "server.forward-headers-strategy=native",
})
class LimitsTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final String TOKEN_PATH = "/api/token";
    private static final String TOO_LARGE = "The request body is larger than 65536 bytes.";
    private static final String THROTTLED = "Too many failed sign-ins for this user name; try again later.";

    private static String updateNamed(String displayName) {
        return ((ObjectNode) RawHttp.json(requiredFieldsBody())).put("DisplayName", displayName).toString();
    }

    private static String passwordGrant(String username, String password) {
        return "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private static long retryAfterSeconds(RawHttp.Response response) {
        return Long.parseLong(response.header("Retry-After"));
    }

    @Test
    void shouldRefuseADeclaredOversizedBodyBeforeAuthentication() {
        String padded = updateNamed("x".repeat(70_000));

        RawHttp.Response response = http().put(PATH, padded);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(413, TOO_LARGE));
        assertThat(records.row(ID).get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldRefuseAnOversizedBodySentWithoutALength() {
        RawHttp.Response response = asAdmin().sendChunked("PUT", PATH, "application/json", updateNamed("x".repeat(70_000)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(413, TOO_LARGE));
        assertThat(records.row(ID).get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldRefuseAnOversizedTokenRequest() {
        String form = passwordGrant(ADMIN, ADMIN_PASSWORD) + "&padding=" + "x".repeat(70_000);

        RawHttp.Response declared = http().postForm(TOKEN_PATH, form);
        RawHttp.Response chunked = http().sendChunked("POST", TOKEN_PATH, "application/x-www-form-urlencoded", form);

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json()).isEqualTo(RawHttp.requestErrorEnvelope(413, TOO_LARGE));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json()).isEqualTo(RawHttp.requestErrorEnvelope(413, TOO_LARGE));
    }

    @Test
    void shouldLimitWritesPerUserAndTellWhenToRetry() {
        RawHttp editor = http().basicAuth(EDITOR, EDITOR_PASSWORD);
        int accepted = 0;
        RawHttp.Response refused = null;
        List<Long> remaining = new ArrayList<>();
        while (refused == null && accepted < 200) {
            RawHttp.Response response = editor.put(PATH, updateNamed("Write " + (accepted + 1)));
            if (response.status() == 200) {
                accepted++;
                assertThat(response.header("RateLimit-Policy")).isEqualTo("\"writes\";q=60;w=60");
                assertThat(response.header("RateLimit")).matches("\"writes\";r=[0-9]+;t=1");
                remaining.add(Long.parseLong(response.header("RateLimit").replaceAll(".*;r=([0-9]+);.*", "$1")));
            } else {
                refused = response;
            }
        }
        // Each answer tells the writes left: one fewer per write, but the one a second given back.
        assertThat(remaining.get(0)).isBetween(58L, 59L);
        for (int i = 1; i < remaining.size(); i++) {
            assertThat(remaining.get(i)).isBetween(remaining.get(i - 1) - 1, remaining.get(i - 1) + 1);
        }
        assertThat(remaining.get(remaining.size() - 1)).isEqualTo(0L);

        // 60 at once, plus the few given back (one a second) while they were sent.
        assertThat(accepted).isBetween(60, 70);
        assertThat(refused.status()).isEqualTo(429);
        String message = "Too many changes: at most 60 creates, updates and deletes per minute are accepted from one user; try again later.";
        assertThat(refused.json()).isEqualTo(RawHttp.requestErrorEnvelope(429, message));
        assertThat(retryAfterSeconds(refused)).isEqualTo(1);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"writes\";q=60;w=60");
        assertThat(refused.header("RateLimit")).isEqualTo("\"writes\";r=0;t=1");
        assertThat(records.row(ID).get("display_name")).isEqualTo("Write " + accepted);
        // Other users have their own allowance; a write it counts tells where it stands whatever its status.
        RawHttp.Response invalid = asAdmin().put(PATH, "{}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("RateLimit")).matches("\"writes\";r=5[0-9];t=1");
        assertThat(asAdmin().put(PATH, updateNamed("Admin write")).status()).isEqualTo(200);
        assertThat(records.row(ID).get("display_name")).isEqualTo("Admin write");
    }

    @Test
    void shouldLetTheClientWaitOutTheWriteLimit() throws ApiException {
        EmailAccountsApi impatient = emailAccounts(NexudusClients.basicAuth(baseUrl(), CLERK, CLERK_PASSWORD,
                ClientOptions.defaults().withMaxRetries(0)));
        ApiException refused = null;
        for (int write = 0; refused == null && write < 200; write++) {
            try {
                impatient.createEmailAccount(inbox("Inbox " + write), null);
            } catch (ApiException e) {
                refused = e;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.getCode()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().firstValue("Retry-After")).hasValue("1");
        assertThat(ApiErrors.envelope(refused).orElseThrow().getMessage()).startsWith("Too many changes");

        EmailAccountsApi patient = emailAccounts(NexudusClients.basicAuth(baseUrl(), CLERK, CLERK_PASSWORD));
        long id = patient.createEmailAccount(inbox("After the wait"), null).getValue().getId();

        assertThat(records.row(id).get("display_name")).isEqualTo("After the wait");
    }

    private static EmailAccountFields inbox(String displayName) {
        return new EmailAccountFields()
                .businessId(1001L).displayName(displayName).emailAddress("inbox@example.com")
                .incomingServer("imap.example.com").incomingServerType(EmailServerType.Imap).incomingServerPort(993)
                .incomingServerUsername("inbox").deleteMessageSettings(MessageDeletionPolicy.DontDelete)
                .outgoingServer("smtp.example.com").outgoingServerPort(465).outgoingServerUsername("inbox")
                .lastMessageId(0L).errorCount(0);
    }

    @Test
    void shouldThrottleBasicSignInAfterRepeatedFailures() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(http().basicAuth(VIEWER, "wrong-" + attempt).get(PATH).status()).isEqualTo(401);
        }

        RawHttp.Response rightPassword = http().basicAuth(VIEWER, VIEWER_PASSWORD).get(PATH);
        RawHttp.Response tokenRequest = http().postForm(TOKEN_PATH, passwordGrant(VIEWER, VIEWER_PASSWORD));

        for (RawHttp.Response refused : new RawHttp.Response[] {rightPassword, tokenRequest}) {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json()).isEqualTo(RawHttp.requestErrorEnvelope(429, THROTTLED));
            assertThat(retryAfterSeconds(refused)).isBetween(290L, 300L);
            // The throttle's policy: 3 failures per user name and address in 5 minutes, none left until Retry-After.
            assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"failed-sign-ins\";q=3;w=300");
            assertThat(refused.header("RateLimit")).isEqualTo("\"failed-sign-ins\";r=0;t=" + refused.header("Retry-After"));
        }
        // Other user names are not affected.
        assertThat(http().basicAuth(AUDITOR, AUDITOR_PASSWORD).get(PATH + "/" + ID).status()).isEqualTo(200);
    }

    @Test
    void shouldThrottleTokenRequestsAfterRepeatedFailuresWhateverTheCase() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            RawHttp.Response failed = http().postForm(TOKEN_PATH, passwordGrant(attempt == 2 ? CLERK.toUpperCase() : CLERK, "wrong"));
            assertThat(failed.status()).isEqualTo(400);
            assertThat(failed.json().get("error").asString()).isEqualTo("invalid_grant");
        }

        RawHttp.Response tokenRequest = http().postForm(TOKEN_PATH, passwordGrant(CLERK, CLERK_PASSWORD));
        RawHttp.Response basic = http().basicAuth(CLERK, CLERK_PASSWORD).get(PATH);

        assertThat(tokenRequest.status()).isEqualTo(429);
        assertThat(tokenRequest.json()).isEqualTo(RawHttp.requestErrorEnvelope(429, THROTTLED));
        assertThat(basic.status()).isEqualTo(429);
        assertThat(retryAfterSeconds(basic)).isPositive();
    }

    /** Nor can it say it came over HTTPS: without a named balancer, no Strict-Transport-Security on plain HTTP. */
    @Test
    void shouldNotBelieveXForwardedProtoFromAnUnnamedBalancer() {
        RawHttp.Response response = asAdmin().header("X-Forwarded-Proto", "https").get(PATH);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).isNull();
    }

    /** A client cannot spread its failures over addresses of its choosing: X-Forwarded-For is believed from no one by default. */
    @Test
    void shouldCountFailuresUnderTheAddressTheyCameFromWhateverXForwardedForSays() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(http().basicAuth(OTHER_BUSINESS, "wrong").header("X-Forwarded-For", "192.0.2." + attempt).get(PATH)
                    .status()).isEqualTo(401);
        }

        assertThat(http().basicAuth(OTHER_BUSINESS, ROLE_PASSWORD).header("X-Forwarded-For", "192.0.2.99").get(PATH).status())
                .isEqualTo(429);
    }

    @Test
    void shouldForgetFailuresAfterASuccessfulSignIn() {
        for (int round = 1; round <= 3; round++) {
            assertThat(http().basicAuth(TENANT, "wrong").get(PATH).status()).isEqualTo(401);
            assertThat(http().basicAuth(TENANT, "wrong").get(PATH).status()).isEqualTo(401);
            assertThat(http().basicAuth(TENANT, TENANT_PASSWORD).get(PATH).status()).isEqualTo(200);
        }
    }
}
