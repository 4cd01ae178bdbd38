package io.emailaccounts.server.security;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.emailaccounts.client.ApiErrors;
import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.api.AuthenticationApi;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.ErrorResponse;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.client.model.TokenError;
import io.emailaccounts.client.model.TokenResponse;
import io.emailaccounts.server.support.ExampleBodies;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.StoredPasswords;
import tools.jackson.databind.JsonNode;

class AuthenticationTest extends RunningServerTest {

    @Autowired
    private InMemoryUserDetailsManager users;

    private static final String PATH = "/api/crm/emailaccounts";
    private static final String TOKEN_PATH = "/api/token";

    private TokenResponse passwordGrant(String username, String password) throws ApiException {
        return new AuthenticationApi(NexudusClients.unauthenticated(baseUrl())).createToken("password", username, password, null);
    }

    private static void assertUnauthorized(RawHttp.Response response, String message) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.headers("WWW-Authenticate")).isNotEmpty();
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(401, message));
    }

    @Test
    void shouldRequireCredentials() {
        RawHttp.Response response = http().put(PATH, requiredFieldsBody());

        assertUnauthorized(response, "Authentication is required: send a bearer token from POST /api/token, or HTTP Basic credentials.");
        assertThat(response.headers("WWW-Authenticate")).containsExactly(
                "Bearer realm=\"EmailAccounts\"", "Basic realm=\"EmailAccounts\", charset=\"UTF-8\"");
        assertThat(records.row(87654321L).get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldRefuseAWrongPassword() {
        assertUnauthorized(http().basicAuth(ADMIN, "wrong").put(PATH, requiredFieldsBody()),
                "The user name or password is incorrect.");
        assertUnauthorized(http().basicAuth("nobody@example.com", ADMIN_PASSWORD).put(PATH, requiredFieldsBody()),
                "The user name or password is incorrect.");
        assertUnauthorized(http().header("Authorization", "Basic !!!").put(PATH, requiredFieldsBody()),
                "The user name or password is incorrect.");
    }

    @Test
    void shouldAcceptABcryptStoredPassword() {
        assertThat(http().basicAuth(EDITOR, EDITOR_PASSWORD).put(PATH, requiredFieldsBody()).status()).isEqualTo(200);
    }

    @Test
    void shouldForbidAUserWithoutTheEditRole() {
        RawHttp.Response response = http().basicAuth(VIEWER, VIEWER_PASSWORD).put(PATH, requiredFieldsBody());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/json");
        String message = "This operation needs a full unrestricted administrator or the EmailAccount-Edit role.";
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(403, message));
        assertThat(records.row(87654321L).get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldCheckTheRoleBeforeTheBody() {
        assertThat(http().basicAuth(VIEWER, VIEWER_PASSWORD).put(PATH, "{}").status()).isEqualTo(403);
    }

    @Test
    void shouldIssueABearerTokenThatCarriesTheUsersRoles() throws ApiException {
        TokenResponse tokens = passwordGrant(EDITOR, EDITOR_PASSWORD);

        assertThat(tokens.getTokenType()).isEqualTo(TokenResponse.TokenTypeEnum.BEARER);
        assertThat(tokens.getExpiresIn()).isEqualTo(3600);
        assertThat(tokens.getRefreshToken()).isNotBlank();
        JsonNode claims = RawHttp.json(new String(Base64.getUrlDecoder().decode(tokens.getAccessToken().split("\\.")[1])));
        assertThat(claims.get("sub").asString()).isEqualTo(EDITOR);
        assertThat(claims.get("authorities").toString()).isEqualTo("[\"EmailAccount-Edit\"]");
        RawHttp.Response update = http().bearer(tokens.getAccessToken()).put(PATH, requiredFieldsBody());
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().get("UpdatedBy").asString()).isEqualTo(EDITOR);
    }

    @Test
    void shouldAnswerTheTokenWithoutCaching() {
        RawHttp.Response response = http().postForm(TOKEN_PATH,
                "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.json().get("token_type").asString()).isEqualTo("bearer");
    }

    @Test
    void shouldForbidABearerWithoutTheEditRole() throws ApiException {
        String token = passwordGrant(VIEWER, VIEWER_PASSWORD).getAccessToken();

        assertThat(http().bearer(token).put(PATH, requiredFieldsBody()).status()).isEqualTo(403);
    }

    @Test
    void shouldRefuseATamperedToken() throws ApiException {
        String token = passwordGrant(VIEWER, VIEWER_PASSWORD).getAccessToken();
        String[] parts = token.split("\\.");
        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"authorities\":[]",
                        "\"authorities\":[\"FullUnrestrictedAdministrator\"]").getBytes());

        RawHttp.Response response = http().bearer(parts[0] + "." + elevated + "." + parts[2]).put(PATH, requiredFieldsBody());

        assertUnauthorized(response, "The access token is invalid or has expired.");
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        SecretKeySpec key = new SecretKeySpec(Base64.getDecoder().decode(TOKEN_SIGNING_KEY), "HmacSHA256");
        Instant issued = Instant.now().minusSeconds(7200);
        String expired = NimbusJwtEncoder.withSecretKey(key).build().encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("emailaccounts").subject(ADMIN).issuedAt(issued)
                        .expiresAt(issued.plusSeconds(3600)).claim("authorities", List.of("FullUnrestrictedAdministrator"))
                        .build())).getTokenValue();

        assertUnauthorized(http().bearer(expired).put(PATH, requiredFieldsBody()), "The access token is invalid or has expired.");
    }

    @Test
    void shouldRotateRefreshTokensAndEndTheSignInWhenOneIsUsedTwice() throws ApiException {
        AuthenticationApi tokens = new AuthenticationApi(NexudusClients.unauthenticated(baseUrl()));
        TokenResponse first = tokens.createToken("password", ADMIN, ADMIN_PASSWORD, null);

        TokenResponse second = tokens.createToken("refresh_token", null, null, first.getRefreshToken());

        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        assertThat(http().bearer(second.getAccessToken()).put(PATH, requiredFieldsBody()).status()).isEqualTo(200);
        ApiException reused = catchThrowableOfType(ApiException.class,
                () -> tokens.createToken("refresh_token", null, null, first.getRefreshToken()));
        assertThat(reused.getCode()).isEqualTo(400);
        assertThat(ApiErrors.tokenError(reused)).get().extracting(TokenError::getError).isEqualTo(TokenError.ErrorEnum.INVALID_GRANT);
        // One of the two who used the first token was not the client: the sign-in ends for both (RFC 9700).
        ApiException revoked = catchThrowableOfType(ApiException.class,
                () -> tokens.createToken("refresh_token", null, null, second.getRefreshToken()));
        assertThat(ApiErrors.tokenError(revoked)).get().extracting(TokenError::getError).isEqualTo(TokenError.ErrorEnum.INVALID_GRANT);
        assertThat(tokens.createToken("password", ADMIN, ADMIN_PASSWORD, null).getRefreshToken()).as("a new sign-in").isNotBlank();
    }

    /** A sign-in is bound to the password it was made with: once the password is changed, its refresh tokens end. */
    @Test
    void shouldEndTheSignInsOfAUserWhosePasswordChanged() throws ApiException {
        AuthenticationApi tokens = new AuthenticationApi(NexudusClients.unauthenticated(baseUrl()));
        TokenResponse signedIn = tokens.createToken("password", AUDITOR, AUDITOR_PASSWORD, null);
        UserDetails before = users.loadUserByUsername(AUDITOR);
        users.updateUser(User.withUserDetails(before).password(StoredPasswords.bcrypt("a-new-password")).build());
        try {
            ApiException ended = catchThrowableOfType(ApiException.class,
                    () -> tokens.createToken("refresh_token", null, null, signedIn.getRefreshToken()));
            assertThat(ApiErrors.tokenError(ended)).get().extracting(TokenError::getErrorDescription)
                    .isEqualTo("The user's password changed since this sign-in: sign in again.");
        } finally {
            users.updateUser(before);
        }
        ApiException stillEnded = catchThrowableOfType(ApiException.class,
                () -> tokens.createToken("refresh_token", null, null, signedIn.getRefreshToken()));
        assertThat(stillEnded.getCode()).as("the password back as it was does not revive it").isEqualTo(400);
    }

    /**
     * An access token answers to its user as configured now: the roles it holds today; refused once its password
     * changed or the user is gone, rather than for the rest of the token's hour.
     */
    @Test
    void shouldAuthorizeAnAccessTokenAsItsUserIsNow() {
        RawHttp.Response signedIn = http().postForm(TOKEN_PATH, "grant_type=password&username=" + AUDITOR + "&password=" + AUDITOR_PASSWORD);
        RawHttp withToken = http().bearer(signedIn.json().get("access_token").asString());
        String record = "/api/crm/emailaccounts/" + ID;
        UserDetails before = users.loadUserByUsername(AUDITOR);
        assertThat(withToken.get(record).status()).isEqualTo(200);
        try {
            users.updateUser(User.withUserDetails(before).authorities(List.of()).build());
            assertThat(withToken.get(record).status()).as("its roles taken away").isEqualTo(403);
            users.updateUser(User.withUserDetails(before).password(StoredPasswords.bcrypt("a-new-password")).build());
            RawHttp.Response changed = withToken.get(record);
            assertThat(changed.status()).as("its password changed").isEqualTo(401);
            assertThat(changed.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
            users.deleteUser(AUDITOR);
            assertThat(withToken.get(record).status()).as("the user removed").isEqualTo(401);
        } finally {
            if (users.userExists(AUDITOR)) {
                users.updateUser(before);
            } else {
                users.createUser(before);
            }
        }
        assertThat(withToken.get(record).status()).as("the user back as it was").isEqualTo(200);
    }

    @Test
    void shouldRefuseBadCredentialsAtTheTokenEndpoint() {
        RawHttp.Response response = http().postForm(TOKEN_PATH, "grant_type=password&username=" + ADMIN + "&password=wrong");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Cache-Control")).as("RFC 6749, 5.2: never cached").contains("no-store");
        assertThat(response.json()).isEqualTo(RawHttp.json(
                "{\"error\": \"invalid_grant\", \"error_description\": \"The user name or password is incorrect.\"}"));
        assertThat(response.body()).doesNotContain("wrong");
    }

    @Test
    void shouldRefuseAJsonTokenRequest() {
        RawHttp.Response response = http().send("POST", TOKEN_PATH, "application/json",
                "{\"grant_type\": \"password\", \"username\": \"" + ADMIN + "\", \"password\": \"" + ADMIN_PASSWORD + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void shouldExplainMalformedTokenRequests() {
        assertThat(http().postForm(TOKEN_PATH, "username=" + ADMIN).json()).isEqualTo(RawHttp.json(
                "{\"error\": \"invalid_request\", \"error_description\": \"grant_type is required.\"}"));
        assertThat(http().postForm(TOKEN_PATH, "grant_type=password&username=" + ADMIN).json().get("error").asString())
                .isEqualTo("invalid_request");
        assertThat(http().postForm(TOKEN_PATH, "grant_type=client_credentials").json().get("error").asString())
                .isEqualTo("unsupported_grant_type");
        assertThat(http().postForm(TOKEN_PATH, "grant_type=refresh_token&refresh_token=made-up").json().get("error").asString())
                .isEqualTo("invalid_grant");
    }

    /** The contract bounds a user name (the token request's username); Basic keeps to it too, and nothing is stored. */
    @Test
    void shouldRefuseAUserNameLongerThanTheContractAllows() {
        int longest = ExampleBodies.CONTRACT.properties("TokenRequest").get("username").schema().get("maxLength").asInt();
        String name = "a".repeat(longest + 1);

        assertThat(http().postForm(TOKEN_PATH, "grant_type=password&username=" + name + "&password=x").json()).isEqualTo(RawHttp.json(
                "{\"error\": \"invalid_request\", \"error_description\": \"username is longer than " + longest + " characters.\"}"));
        RawHttp.Response basic = http().basicAuth(name, "x").get("/api/crm/emailaccounts");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().path("Message").asString()).isEqualTo("The user name or password is incorrect.");
    }

    @Test
    void shouldWorkThroughThePasswordGrantClient() throws ApiException {
        assertThat(emailAccounts(NexudusClients.passwordGrant(baseUrl(), EDITOR, EDITOR_PASSWORD))
                .updateEmailAccount(new EmailAccountUpdate()
                        .id(87654321L).businessId(1L).displayName("Renamed").emailAddress("a@example.com")
                        .incomingServer("imap.example.com").incomingServerType(EmailServerType.Imap)
                        .incomingServerPort(993).incomingServerUsername("a")
                        .deleteMessageSettings(MessageDeletionPolicy.DontDelete)
                        .outgoingServer("smtp.example.com").outgoingServerPort(587).outgoingServerUsername("a")
                        .lastMessageId(0L).errorCount(0), null)
                .getUpdatedBy()).isEqualTo(EDITOR);
    }

    @Test
    void shouldReportUnauthorizedAndForbiddenToTheClient() {
        ApiException unauthorized = catchThrowableOfType(ApiException.class, () -> emailAccounts(
                NexudusClients.basicAuth(baseUrl(), ADMIN, "wrong")).updateEmailAccount(
                new EmailAccountUpdate().id(1L), null));
        ApiException forbidden = catchThrowableOfType(ApiException.class, () -> emailAccounts(
                NexudusClients.basicAuth(baseUrl(), VIEWER, VIEWER_PASSWORD)).updateEmailAccount(
                new EmailAccountUpdate().id(1L), null));

        assertThat(unauthorized.getCode()).isEqualTo(401);
        assertThat(ApiErrors.propertyErrors(unauthorized)).containsEntry("", "The user name or password is incorrect.");
        assertThat(forbidden.getCode()).isEqualTo(403);
        assertThat(ApiErrors.envelope(forbidden)).get().extracting(ErrorResponse::getMessage)
                .isEqualTo("This operation needs a full unrestricted administrator or the EmailAccount-Edit role.");
    }

    @Test
    void shouldOpenHealthAndTheContractWithoutCredentials() {
        assertThat(http().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        RawHttp.Response spec = http().get("/openapi.yaml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.contentType()).startsWith("application/yaml");
        assertThat(spec.body()).startsWith("openapi:").contains("operationId: \"updateEmailAccount\"");
    }
}
