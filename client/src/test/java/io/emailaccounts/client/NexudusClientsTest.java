package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.ActionResponse;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.MessageDeletionPolicy;

class NexudusClientsTest {

    private static final String UPDATED = """
            {"Status": 200, "Message": "EmailAccount was successfully updated.", "Value": {"Id": 87654321},
             "OpenInDialog": false, "OpenInWindow": false, "RedirectURL": null, "JavaScript": null,
             "UpdatedOn": "2025-01-15T10:30:00Z", "UpdatedBy": "admin@example.com", "Errors": null, "WasSuccessful": true}
            """;
    private static final String TOKENS = """
            {"access_token": "%s", "token_type": "bearer", "expires_in": 3600, "refresh_token": "%s"}
            """;

    private final RecordingServer server = new RecordingServer();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopServer() {
        server.close();
    }

    static EmailAccountUpdate helpDesk() {
        return new EmailAccountUpdate()
                .id(87654321L).businessId(1001L).displayName("Help desk").emailAddress("helpdesk@example.com")
                .incomingServer("imap.example.com").incomingServerType(EmailServerType.Imap).incomingServerPort(993)
                .incomingServerUsername("helpdesk").deleteMessageSettings(MessageDeletionPolicy.DeleteOnReceive)
                .outgoingServer("smtp.example.com").outgoingServerPort(587).outgoingServerUsername("helpdesk")
                .lastMessageId(0L).errorCount(0);
    }

    @Test
    void shouldSendBasicCredentialsAndPascalCaseBody() throws Exception {
        server.answer(200, UPDATED);
        EmailAccountsApi api = new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl() + "/", "admin@example.com", "pä55:word"));

        ActionResponse response = api.updateEmailAccount(helpDesk().replyToEmail(null), null);

        RecordingServer.Request sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.path()).isEqualTo("/api/crm/emailaccounts");
        assertThat(sent.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("admin@example.com:pä55:word".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = json.readTree(sent.body());
        assertThat(body.get("Id").asLong()).isEqualTo(87654321L);
        assertThat(body.get("IncomingServerType").asInt()).isEqualTo(1);
        assertThat(body.get("DeleteMessageSettings").asInt()).isEqualTo(2);
        assertThat(body.has("ReplyToEmail")).as("an explicit null clears the field").isTrue();
        assertThat(body.get("ReplyToEmail").isNull()).isTrue();
        assertThat(body.has("Active")).as("an unset optional field is left out, so the server keeps it").isFalse();
        assertThat(response.getValue().getId()).isEqualTo(87654321L);
        assertThat(response.getWasSuccessful()).isTrue();
    }

    @Test
    void shouldSendABearerToken() throws Exception {
        server.answer(200, UPDATED);

        new EmailAccountsApi(NexudusClients.bearerToken(server.baseUrl(), "abc.def.ghi")).updateEmailAccount(helpDesk(), null);

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer abc.def.ghi");
    }

    @Test
    void shouldAskForTheBearerTokenBeforeEachRequestWhenGivenASupplier() throws Exception {
        server.answer(200, UPDATED);
        server.answer(200, UPDATED);
        AtomicInteger renewals = new AtomicInteger();
        EmailAccountsApi api = new EmailAccountsApi(NexudusClients.bearerTokens(server.baseUrl(), () -> "token-" + renewals.incrementAndGet()));

        api.updateEmailAccount(helpDesk(), null);
        api.updateEmailAccount(helpDesk(), null);

        assertThat(server.requests()).extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void shouldSignInOnceThenRenewWithTheRefreshTokenBeforeExpiry() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-15T10:00:00Z"));
        PasswordGrantTokens tokens = signInAs("secret", clock);
        server.answer(200, TOKENS.formatted("access-1", "refresh-1"))
                .answer(200, TOKENS.formatted("access-2", "refresh-2"));

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        clock.advance(Duration.ofMinutes(58));
        assertThat(tokens.accessToken()).as("still valid for more than a minute").isEqualTo("access-1");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(tokens.accessToken()).as("renewed within the last minute").isEqualTo("access-2");

        assertThat(server.requests()).extracting(RecordingServer.Request::body).containsExactly(
                "grant_type=password&username=admin%40example.com&password=secret",
                "grant_type=refresh_token&refresh_token=refresh-1");
        assertThat(server.requests().get(0).header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void shouldExplainAFailedSignIn() {
        PasswordGrantTokens tokens = signInAs("wrong", Clock.systemUTC());
        server.answer(400, "{\"error\": \"invalid_grant\", \"error_description\": \"The user name or password is incorrect.\"}");

        assertThatThrownBy(tokens::accessToken)
                .isInstanceOf(UncheckedApiException.class)
                .hasMessage("Signing in as admin@example.com failed: HTTP 400 invalid_grant: The user name or password is incorrect.")
                .satisfies(e -> assertThat(ApiErrors.tokenError(((UncheckedApiException) e).getCause()).orElseThrow().getError())
                        .hasToString("invalid_grant"));
    }

    private PasswordGrantTokens signInAs(String password, Clock clock) {
        return new PasswordGrantTokens(NexudusClients.unauthenticated(server.baseUrl()), "admin@example.com", password, clock);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Credentials go over https:// or to this machine; plain http:// elsewhere only when the options say so. */
    @Test
    void shouldRefuseToSendCredentialsOverPlainHttpToAnotherMachine() {
        for (String remote : List.of("http://api.example.com", "HTTP://10.0.0.5:8080/", "http://[2001:db8::1]:8080")) {
            assertThatThrownBy(() -> NexudusClients.basicAuth(remote, "me", "secret")).as(remote)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http://")
                    .hasMessageNotContaining("secret");
            assertThatThrownBy(() -> NexudusClients.bearerToken(remote, "a-token")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NexudusClients.bearerTokens(remote, () -> "a-token")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NexudusClients.passwordGrant(remote, "me", "secret")).isInstanceOf(IllegalArgumentException.class);
            assertThat(NexudusClients.basicAuth(remote, "me", "secret", ClientOptions.defaults().withPlainHttpCredentials(true)))
                    .as("allowed by the options").isNotNull();
            assertThatThrownBy(() -> NexudusClients.unauthenticated(remote)).as("the token request's password")
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String safe : List.of("https://api.example.com", "http://localhost:8080", "http://127.0.0.1:8080",
                "http://[::1]:8080", NexudusClients.HOSTED_BASE_URL)) {
            assertThat(NexudusClients.passwordGrant(safe, "me", "secret")).as(safe).isNotNull();
        }
    }
}
