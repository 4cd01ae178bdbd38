package io.emailaccounts.server.support.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.ExampleBodies;

/** The checker that holds every test exchange to the contract catches each kind of mismatch. */
class ContractConformanceTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final Map<String, List<String>> JSON_REQUEST = Map.of("Content-Type", List.of("application/json"));
    /** A valid update: the required fields, each with its example in the contract. */
    private static final String VALID_BODY = ExampleBodies.requiredFields("EmailAccountUpdate").toString();
    private static final String SUCCESS = """
            {"Status": 200, "Message": "EmailAccount was successfully updated.", "Value": {"Id": 1}, "OpenInDialog": false,
             "OpenInWindow": false, "RedirectURL": null, "JavaScript": null, "UpdatedOn": "2025-01-15T10:30:00Z",
             "UpdatedBy": "admin@example.com", "Errors": null, "WasSuccessful": true%s}
            """;
    private static final String ENVELOPE = """
            {"Status": %d, "Message": "m", "Value": null, "WasSuccessful": false,
             "Errors": [{"AttemptedValue": null, "Message": "m", "PropertyName": null}]}
            """;

    private final ContractConformance checker = ContractConformance.create();

    /** The problems of an exchange; a successful update carries the ETag the contract requires. */
    private List<String> problemsOf(String method, String path, String requestBody, int status, String contentType, String body) {
        return problemsOf(method, path, requestBody, status, contentType,
                status == 200 ? Map.of("ETag", List.of("\"2\"")) : Map.of(), body);
    }

    private List<String> problemsOf(String method, String path, String requestBody, int status, String contentType,
                                    Map<String, List<String>> responseHeaders, String body) {
        checker.check(new ContractConformance.Exchange(method, path, null, JSON_REQUEST, requestBody, status, contentType,
                responseHeaders, body));
        return checker.drain();
    }

    @Test
    void shouldCatchAMissingRequiredHeaderOrOneNotOfItsForm() {
        assertThat(problemsOf("PUT", PATH, VALID_BODY, 200, "application/json", Map.of(), SUCCESS.formatted("")))
                .singleElement().asString().contains("validation.response.header.missing").contains("ETag");
        assertThat(problemsOf("PUT", PATH, VALID_BODY, 200, "application/json", Map.of("ETag", List.of("W/\"2\"")),
                SUCCESS.formatted(""))).singleElement().asString().contains("validation.response.header.schema.pattern");
    }

    @Test
    void shouldAcceptADocumentedExchange() {
        assertThat(problemsOf("PUT", PATH, VALID_BODY, 200, "application/json", SUCCESS.formatted(""))).isEmpty();
        assertThat(problemsOf("PUT", PATH, "{}", 400, "application/json", ENVELOPE.formatted(400))).isEmpty();
    }

    @Test
    void shouldCatchAnUndeclaredResponseProperty() {
        assertThat(problemsOf("PUT", PATH, VALID_BODY, 200, "application/json", SUCCESS.formatted(", \"Debug\": 1")))
                .singleElement().asString().contains("additionalProperties").contains("Debug");
    }

    @Test
    void shouldCatchAMissingRequiredResponseProperty() {
        assertThat(problemsOf("PUT", PATH, VALID_BODY, 200, "application/json",
                SUCCESS.formatted("").replace("\"UpdatedBy\": \"admin@example.com\",", "")))
                .singleElement().asString().contains("UpdatedBy");
    }

    @Test
    void shouldCatchAnUndocumentedStatus() {
        assertThat(problemsOf("PUT", PATH, VALID_BODY, 409, "application/json", ENVELOPE.formatted(409)))
                .singleElement().asString().contains("validation.response.status.unknown");
    }

    @Test
    void shouldCatchAnUndocumentedContentType() {
        assertThat(problemsOf("PUT", PATH, "{}", 400, "text/html", "<html></html>"))
                .singleElement().asString().contains("validation.response.contentType.notAllowed");
    }

    @Test
    void shouldCatchAForbiddenRequestThatWasAccepted() {
        assertThat(problemsOf("PUT", PATH, "{\"Id\": 1}", 200, "application/json", SUCCESS.formatted("")))
                .singleElement().asString().contains("validation.request.body.schema.required");
    }

    @Test
    void shouldLetUnknownRequestPropertiesThrough() {
        assertThat(problemsOf("PUT", PATH, ExampleBodies.requiredFields("EmailAccountUpdate").put("CreatedOn", "x").toString(), 200, "application/json",
                SUCCESS.formatted(""))).isEmpty();
    }

    @Test
    void shouldRequireTheEnvelopeOutsideTheContractsOperations() {
        assertThat(problemsOf("PATCH", PATH, "{}", 405, "application/json", ENVELOPE.formatted(405))).isEmpty();
        assertThat(problemsOf("GET", "/api/nothing", null, 404, "application/json", ENVELOPE.formatted(404))).isEmpty();
        assertThat(problemsOf("GET", "/api/nothing", null, 404, "text/html", "<html>Not found</html>")).isNotEmpty();
        assertThat(problemsOf("GET", "/api/nothing", null, 200, "application/json", "{}")).isNotEmpty();
    }
}
