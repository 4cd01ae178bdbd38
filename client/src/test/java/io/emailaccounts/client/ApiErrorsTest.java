package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.ErrorResponse;

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
}
