package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.ErrorResponse;
import io.emailaccounts.client.model.TokenError;
import io.emailaccounts.client.model.TokenResponse;

class ApiErrorsTest {

    private final RecordingServer server = new RecordingServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ApiException failedUpdate() {
        EmailAccountsApi api = new EmailAccountsApi(NexudusClients.basicAuth(server.baseUrl(), "a", "b"));
        return catchThrowableOfType(ApiException.class, () -> api.updateEmailAccount(NexudusClientsTest.helpDesk(), null));
    }

    @Test
    void shouldReadAValidationFailureAsTheTypedEnvelope() {
        server.answer(400, """
                {"Message": "DisplayName: is a required field\\nIncomingServerPort: must be between 1 and 65535",
                 "Value": null, "WasSuccessful": false, "Status": 400,
                 "Errors": [{"AttemptedValue": null, "Message": "is a required field", "PropertyName": "DisplayName"},
                            {"AttemptedValue": 70000, "Message": "must be between 1 and 65535", "PropertyName": "IncomingServerPort"}]}
                """);

        ApiException failure = failedUpdate();
        ErrorResponse envelope = ApiErrors.envelope(failure).orElseThrow();

        assertThat(failure.getCode()).isEqualTo(400);
        assertThat(envelope.getWasSuccessful()).isFalse();
        assertThat(envelope.getErrors().get(1).getAttemptedValue()).isEqualTo(70000);
        assertThat(ApiErrors.propertyErrors(failure)).containsExactly(
                entry("DisplayName", "is a required field"),
                entry("IncomingServerPort", "must be between 1 and 65535"));
    }

    @Test
    void shouldPutRequestLevelErrorsUnderTheEmptyName() {
        server.answer(401, """
                {"Message": "Authentication is required.", "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": null, "Message": "Authentication is required.", "PropertyName": null}]}
                """);

        assertThat(ApiErrors.propertyErrors(failedUpdate())).containsExactly(entry("", "Authentication is required."));
    }

    @Test
    void shouldFindNoEnvelopeInAThrottlingAnswerWithoutBody() {
        server.answer(409, "");

        ApiException failure = failedUpdate();

        assertThat(failure.getCode()).isEqualTo(409);
        assertThat(ApiErrors.envelope(failure)).isEmpty();
        assertThat(ApiErrors.propertyErrors(failure)).isEmpty();
    }

    @Test
    void shouldFindNoEnvelopeInANonJsonBody() {
        server.answer(502, "<html>Bad gateway</html>");

        assertThat(ApiErrors.envelope(failedUpdate())).isEmpty();
    }

    /** The token endpoint's codes are RFC 6749's: read in any case, and an error code it does not list is no error. */
    @Test
    void shouldReadTheTokenEndpointsCodesInAnyCase() throws Exception {
        TokenResponse tokens = TolerantReading.objectMapper().readValue("""
                {"access_token": "a", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "r"}
                """, TokenResponse.class);
        ApiException refused = new ApiException(400, "refused", null, """
                {"error": "INVALID_GRANT", "error_description": "The refresh token is used."}
                """);
        ApiException unlisted = new ApiException(400, "refused", null, """
                {"error": "invalid_client", "error_description": "Unknown client."}
                """);

        assertThat(tokens.getTokenType()).isEqualTo(TokenResponse.TokenTypeEnum.BEARER);
        assertThat(ApiErrors.tokenError(refused)).get().extracting(TokenError::getError).isEqualTo(TokenError.ErrorEnum.INVALID_GRANT);
        assertThat(ApiErrors.tokenError(unlisted)).isEmpty();
        assertThat(unlisted.getResponseBody()).contains("invalid_client");
    }
}
