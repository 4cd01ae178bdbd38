package io.emailaccounts.server.web.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.support.ExampleBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RequestBodyValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ApiContract CONTRACT = ServedContract.load();
    private static final RequestBodyValidator validator = new RequestBodyValidator(CONTRACT);

    /** A valid update: the required fields, each with its example in the contract. */
    static ObjectNode validUpdate() {
        return ExampleBodies.requiredFields("EmailAccountUpdate");
    }

    private static List<PropertyViolation> validate(JsonNode body) {
        return validator.validate("EmailAccountUpdate", body);
    }

    @Test
    void shouldAcceptAValidBodyWithUnknownAndReadOnlyProperties() {
        ObjectNode body = validUpdate();
        body.put("CreatedOn", "2025-01-01T00:00:00Z");
        body.put("UniqueId", "not checked");
        body.put("SomethingElse", 5);
        body.putNull("ReplyToEmail");
        body.putNull("Active");
        body.put("LastCheckTime", "2025-01-15T10:30:00Z");

        assertThat(validate(body)).isEmpty();
    }

    @Test
    void shouldReportAMissingRequiredFieldLikeTheSeed() {
        ObjectNode body = validUpdate();
        body.remove("DisplayName");

        assertThat(validate(body)).containsExactly(
                new PropertyViolation("DisplayName", null, "is a required field"));
    }

    @Test
    void shouldTreatNullAndBlankRequiredFieldsAsMissing() {
        ObjectNode body = validUpdate();
        body.putNull("DisplayName");
        body.put("IncomingServer", "   ");
        body.put("OutgoingServer", "");

        assertThat(validate(body)).extracting(PropertyViolation::propertyName, PropertyViolation::message)
                .containsExactly(
                        tuple("DisplayName", "is a required field"),
                        tuple("IncomingServer", "is a required field"),
                        tuple("OutgoingServer", "is a required field"));
    }

    @Test
    void shouldListEveryBrokenRuleOncePerPropertyInSchemaOrder() {
        ObjectNode body = validUpdate();
        body.put("ErrorCount", -1);
        body.put("IncomingServerType", 0);
        body.put("IncomingServerPort", 70000);
        body.put("EmailAddress", "not-an-address");
        body.put("DeleteMessageSettings", 4);
        body.put("DisplayName", "x".repeat(256));
        body.put("BusinessId", "1001");
        body.put("Active", "yes");
        body.put("LastCheckTime", "yesterday");

        assertThat(validate(body)).extracting(PropertyViolation::propertyName, PropertyViolation::message)
                .containsExactly(
                        tuple("BusinessId", "must be a whole number"),
                        tuple("DisplayName", "must be at most 255 characters long"),
                        tuple("EmailAddress", "must be a valid e-mail address"),
                        tuple("IncomingServerType", "must be one of " + CONTRACT.enumNamed("EmailServerType").describeValues()),
                        tuple("IncomingServerPort", "must be between 1 and 65535"),
                        tuple("DeleteMessageSettings", "must be one of " + CONTRACT.enumNamed("MessageDeletionPolicy").describeValues()),
                        tuple("ErrorCount", "must be 0 or more"),
                        tuple("Active", "must be true or false"),
                        tuple("LastCheckTime", "must be a date-time in ISO 8601 format with an offset, such as 2025-01-15T10:30:00Z"));
    }

    @Test
    void shouldEchoTheAttemptedValueAsSent() {
        ObjectNode body = validUpdate();
        body.put("IncomingServerPort", 70000);
        body.put("BusinessId", "1001");

        assertThat(validate(body)).extracting(violation -> violation.attemptedValue().toString())
                .containsExactly("\"1001\"", "70000");
    }

    @Test
    void shouldNeverEchoAnAccessToken() {
        ObjectNode body = validUpdate();
        body.put("GoogleAccessToken", "secret-google-" + "x".repeat(9000));
        body.put("Office365AccessToken", 42);

        assertThat(validate(body))
                .extracting(PropertyViolation::propertyName, violation -> violation.attemptedValue().isNull())
                .containsExactly(tuple("GoogleAccessToken", true), tuple("Office365AccessToken", true));
    }

    @Test
    void shouldRejectFractionsAndOutOfRangeNumbersForIntegers() {
        ObjectNode body = validUpdate();
        body.put("Id", 1.5);
        body.put("LastMessageId", new java.math.BigInteger("123456789012345678901234567890"));
        body.put("OutgoingServerPort", 1.0);

        assertThat(validate(body)).extracting(PropertyViolation::propertyName, PropertyViolation::message).containsExactly(
                tuple("Id", "must be a whole number"),
                tuple("OutgoingServerPort", "must be a whole number"),
                tuple("LastMessageId", "must be between 0 and 9223372036854775807"));
    }

    @Test
    void shouldRejectABodyThatIsNotAnObject() {
        assertThat(validate(JSON.readTree("[1, 2]")))
                .containsExactly(PropertyViolation.ofRequest("The request body must be a JSON object."));
    }

    @Test
    void shouldRefuseWholeNumbersBeyondEveryRangeWrittenAsFloatingPoint() {
        ObjectNode body = validUpdate();
        body.set("ErrorCount", JSON.readTree("1.0E89"));
        body.set("LastMessageId", JSON.readTree("-9.5e400"));
        body.set("IncomingServerPort", JSON.readTree("123456789012345678901234567890"));
        body.set("BusinessId", JSON.readTree("1e19"));

        assertThat(validate(body)).extracting(PropertyViolation::propertyName, PropertyViolation::message)
                .containsExactlyInAnyOrder(
                        tuple("ErrorCount", "must be between 0 and 2147483647"),
                        tuple("LastMessageId", "must be between 0 and 9223372036854775807"),
                        tuple("IncomingServerPort", "must be between 1 and 65535"),
                        tuple("BusinessId", "must be between 1 and 9223372036854775807"));
    }

    @Test
    void shouldRefuseTheNulCharacterInTextTheSchemaOtherwiseTakesWithoutEchoingASecret() {
        ObjectNode body = validUpdate();
        body.put("GoogleAccessToken", "ya29\u0000token");

        assertThat(validate(body)).containsExactly(
                new PropertyViolation("GoogleAccessToken", null, "must not contain the NUL character (U+0000)"));
    }

    @Test
    void shouldReportTheSchemasRuleRatherThanTheNulRuleWhenTextBreaksBoth() {
        ObjectNode body = validUpdate();
        body.put("DisplayName", "Help\u0000desk");

        assertThat(validate(body)).extracting(PropertyViolation::propertyName, PropertyViolation::message)
                .containsExactly(tuple("DisplayName", "must be one line of text, without control characters"));
    }
}
