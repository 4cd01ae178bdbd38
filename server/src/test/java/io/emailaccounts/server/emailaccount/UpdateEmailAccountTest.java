package io.emailaccounts.server.emailaccount;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.client.ApiErrors;
import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.model.ActionResponse;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.ErrorResponse;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class UpdateEmailAccountTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    private static EmailAccountUpdate helpDesk() {
        return new EmailAccountUpdate()
                .id(ID).businessId(2002L).displayName("Help desk inbox").emailAddress("helpdesk@example.com")
                .incomingServer("imap.example.com").incomingServerType(EmailServerType.Imap).incomingServerPort(993)
                .incomingServerUsername("helpdesk@example.com").deleteMessageSettings(MessageDeletionPolicy.DeleteWhenDeleting)
                .outgoingServer("smtp.example.com").outgoingServerPort(587).outgoingServerUsername("helpdesk@example.com")
                .lastMessageId(48211L).errorCount(0);
    }

    private Map<String, Object> storedRow() {
        return records.row(ID);
    }

    @Test
    void shouldAnswerTheSuccessEnvelopeOfTheSeed() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RawHttp.Response response = asAdmin().put(PATH, requiredFieldsBody());
        Instant after = Instant.now();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        String updatedOn = body.get("UpdatedOn").asString();
        assertThat(updatedOn).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Instant.parse(updatedOn)).isBetween(before, after);
        assertThat(body).isEqualTo(RawHttp.json("""
                {"Status": 200, "Message": "EmailAccount was successfully updated.", "Value": {"Id": 87654321},
                 "OpenInDialog": false, "OpenInWindow": false, "RedirectURL": null, "JavaScript": null,
                 "UpdatedOn": "%s", "UpdatedBy": "admin@example.com", "Errors": null, "WasSuccessful": true}
                """.formatted(updatedOn)));
        assertThat(storedRow().get("updated_by")).isEqualTo(ADMIN);
        assertThat(((OffsetDateTime) storedRow().get("updated_on")).toInstant()).isEqualTo(Instant.parse(updatedOn));
    }

    @Test
    void shouldStoreEveryFieldSentThroughTheClient() throws ApiException {
        ActionResponse response = emailAccountsAsAdmin().updateEmailAccount(helpDesk()
                .active(false).sendNotificationOnNewMessages(false).notificationEmailAddress("team@example.com")
                .incomingServerSSL(true).outgoingServerSSL(true).replyToEmail("no-reply@example.com")
                .lastCheckTime(OffsetDateTime.parse("2025-01-15T12:25:00+02:00"))
                .googleAccessToken("new-google-token").office365AccessToken("new-office-token"), null);

        assertThat(response.getWasSuccessful()).isTrue();
        assertThat(response.getValue().getId()).isEqualTo(ID);
        assertThat(storedRow()).contains(
                entry("business_id", 2002L), entry("display_name", "Help desk inbox"),
                entry("email_address", "helpdesk@example.com"), entry("incoming_server", "imap.example.com"),
                entry("incoming_server_type", 1), entry("incoming_server_port", 993),
                entry("incoming_server_username", "helpdesk@example.com"), entry("delete_message_settings", 3),
                entry("outgoing_server", "smtp.example.com"), entry("outgoing_server_port", 587),
                entry("outgoing_server_username", "helpdesk@example.com"), entry("last_message_id", 48211L),
                entry("error_count", 0), entry("active", false), entry("send_notification_on_new_messages", false),
                entry("notification_email_address", "team@example.com"), entry("incoming_server_ssl", true),
                entry("outgoing_server_ssl", true), entry("reply_to_email", "no-reply@example.com"));
        assertThat(records.secret(ID, "google_access_token")).isEqualTo("new-google-token");
        assertThat(records.secret(ID, "office365_access_token")).isEqualTo("new-office-token");
        assertThat(((OffsetDateTime) storedRow().get("last_check_time")).toInstant())
                .isEqualTo(Instant.parse("2025-01-15T10:25:00Z"));
    }

    @Test
    void shouldKeepAbsentOptionalFieldsAndClearNullOnes() throws ApiException {
        emailAccountsAsAdmin().updateEmailAccount(helpDesk().replyToEmail(null).active(null), null);

        // A boolean is never null: null stores false (x-unset-value).
        assertThat(storedRow())
                .contains(entry("reply_to_email", null), entry("active", false))
                .contains(entry("notification_email_address", "notify@example.com"),
                        entry("send_notification_on_new_messages", true), entry("incoming_server_ssl", false));
        assertThat(records.secret(ID, "google_access_token")).isEqualTo("stored-google-token");
        assertThat(records.secret(ID, "office365_access_token")).isEqualTo("stored-office-token");
        assertThat(storedRow().get("last_check_time")).isNotNull();
    }

    @Test
    void shouldKeepAnAccessTokenSentAsNullAndRemoveOneSentEmpty() throws ApiException {
        emailAccountsAsAdmin().updateEmailAccount(helpDesk().googleAccessToken(null).office365AccessToken(""), null);

        assertThat(records.secret(ID, "google_access_token")).isEqualTo("stored-google-token");
        assertThat(storedRow()).containsEntry("office365_access_token", null);
    }

    @Test
    void shouldIgnoreReadOnlyAndUnknownProperties() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.put("CreatedOn", "1999-01-01T00:00:00Z");
        body.put("UpdatedOn", "1999-01-01T00:00:00Z");
        body.put("UpdatedBy", "someone-else@example.com");
        body.put("UniqueId", "00000000-0000-0000-0000-000000000000");
        body.put("IsNew", true);
        body.put("ToStringText", "Help desk inbox");
        body.putNull("LocalizationDetails");
        body.put("NotInTheContract", 12);

        RawHttp.Response response = asAdmin().put(PATH, body.toString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(storedRow()).contains(entry("updated_by", ADMIN), entry("display_name", "Help desk inbox"));
        assertThat(storedRow().get("unique_id").toString()).isEqualTo("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        assertThat(((OffsetDateTime) storedRow().get("created_on")).toInstant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void shouldAnswerAMissingRequiredFieldExactlyLikeTheSeed() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.remove("DisplayName");

        RawHttp.Response response = asAdmin().put(PATH, body.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).isEqualTo(RawHttp.json("""
                {"Status": 400, "Message": "DisplayName: is a required field", "Value": null,
                 "Errors": [{"AttemptedValue": null, "Message": "is a required field", "PropertyName": "DisplayName"}],
                 "WasSuccessful": false}
                """));
    }

    @Test
    void shouldListEveryBrokenRuleAtOnceAndChangeNothing() {
        Map<String, Object> before = storedRow();
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.putNull("DisplayName");
        body.put("IncomingServer", "   ");
        body.put("EmailAddress", "not an address");
        body.put("IncomingServerType", 0);
        body.put("IncomingServerPort", 70000);
        body.put("DeleteMessageSettings", "2");
        body.put("OutgoingServerPort", 0);
        body.put("OutgoingServerUsername", "u".repeat(256));
        body.put("ErrorCount", -1);
        body.put("Active", "true");
        body.put("LastCheckTime", "15/01/2025");
        body.put("ReplyToEmail", "");

        RawHttp.Response response = asAdmin().put(PATH, body.toString());

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().get("Errors");
        assertThat(response.json().get("Message").asString()).isEqualTo(String.join("\n",
                "DisplayName: is a required field",
                "EmailAddress: must be a valid e-mail address",
                "IncomingServer: is a required field",
                "IncomingServerType: must be one of " + ServedContract.load().enumNamed("EmailServerType").describeValues(),
                "IncomingServerPort: must be between 1 and 65535",
                "DeleteMessageSettings: must be a whole number",
                "OutgoingServerPort: must be between 1 and 65535",
                "OutgoingServerUsername: must be at most 255 characters long",
                "ErrorCount: must be 0 or more",
                "Active: must be true or false",
                "ReplyToEmail: must be a valid e-mail address",
                "LastCheckTime: must be a date-time in ISO 8601 format with an offset, such as 2025-01-15T10:30:00Z"));
        assertThat(errors).hasSize(12);
        assertThat(errors.get(0)).isEqualTo(RawHttp.json(
                "{\"AttemptedValue\": null, \"Message\": \"is a required field\", \"PropertyName\": \"DisplayName\"}"));
        assertThat(errors.get(3).get("AttemptedValue").asInt()).isEqualTo(0);
        assertThat(errors.get(5).get("AttemptedValue").asString()).isEqualTo("2");
        assertThat(response.json().get("WasSuccessful").asBoolean()).isFalse();
        assertThat(response.json().get("Value").isNull()).isTrue();
        assertThat(storedRow()).isEqualTo(before);
    }

    @Test
    void shouldReportValidationFailuresToTheClientAsTypedPropertyErrors() {
        ApiException failure = catchThrowableOfType(ApiException.class,
                () -> emailAccountsAsAdmin().updateEmailAccount(helpDesk().incomingServerPort(0).displayName(" "), null));

        assertThat(failure.getCode()).isEqualTo(400);
        ErrorResponse envelope = ApiErrors.envelope(failure).orElseThrow();
        assertThat(envelope.getWasSuccessful()).isFalse();
        assertThat(ApiErrors.propertyErrors(failure)).containsExactly(
                entry("DisplayName", "is a required field"),
                entry("IncomingServerPort", "must be between 1 and 65535"));
    }

    @Test
    void shouldNeverEchoAnAccessToken() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        String secret = "ya29.very-secret-" + "x".repeat(8200);
        body.put("GoogleAccessToken", secret);
        body.put("Office365AccessToken", 12345);

        RawHttp.Response response = asAdmin().put(PATH, body.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("very-secret").doesNotContain("12345");
        assertThat(response.json().get("Errors")).allSatisfy(error -> assertThat(error.get("AttemptedValue").isNull()).isTrue());
        assertThat(response.json().get("Message").asString()).isEqualTo(
                "GoogleAccessToken: must be at most 8192 characters long\nOffice365AccessToken: must be a string");
    }

    @Test
    void shouldRejectABodyThatIsNotAJsonObject() {
        assertRequestLevelError(asAdmin().put(PATH, "{\"Id\": 87654321,"), "The request body is not valid JSON (line 1, column 17).");
        assertRequestLevelError(asAdmin().put(PATH, "[" + requiredFieldsBody() + "]"), "The request body must be a JSON object.");
        assertRequestLevelError(asAdmin().put(PATH, "\"text\""), "The request body must be a JSON object.");
        assertRequestLevelError(asAdmin().put(PATH, ""), "A request body is required.");
        assertRequestLevelError(asAdmin().put(PATH, requiredFieldsBody() + "\n {}"), "The request body is not valid JSON (line 2, column 2).");
        assertRequestLevelError(asAdmin().put(PATH, "{\"Id\": 1, \"Id\": 2}"), "The request body is not valid JSON (line 1, column 15).");
    }

    private void assertRequestLevelError(RawHttp.Response response, String message) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(400, message));
        assertThat(storedRow().get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldAnswerNotFoundNamingTheId() {
        ApiException failure = catchThrowableOfType(ApiException.class,
                () -> emailAccountsAsAdmin().updateEmailAccount(helpDesk().id(12345L), null));

        assertThat(failure.getCode()).isEqualTo(404);
        assertThat(RawHttp.json(failure.getResponseBody())).isEqualTo(RawHttp.json("""
                {"Status": 404, "Message": "Id: EmailAccount 12345 was not found", "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": 12345, "Message": "EmailAccount 12345 was not found", "PropertyName": "Id"}]}
                """));
        assertThat(storedRow().get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldRefuseANonJsonContentTypeWithTheEnvelope() {
        RawHttp.Response response = asAdmin().send("PUT", PATH, "text/plain", requiredFieldsBody());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("Message").asString())
                .isEqualTo("Content type 'text/plain' is not supported; send application/json.");
        assertThat(response.json().get("WasSuccessful").asBoolean()).isFalse();
    }

    @Test
    void shouldRefuseAWrongMethodWithTheEnvelope() {
        RawHttp.Response response = asAdmin().send("PATCH", PATH, "application/json", requiredFieldsBody());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, POST, PUT");
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).isEqualTo(RawHttp.json("""
                {"Status": 405, "Message": "Method PATCH is not supported here; use GET, POST or PUT.", "Value": null,
                 "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": "PATCH", "Message": "Method PATCH is not supported here; use GET, POST or PUT.",
                             "PropertyName": null}]}
                """));
    }

    @Test
    void shouldRefuseABodyOverTheLimitBeforeReadingIt() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.put("Padding", "x".repeat(70_000));

        RawHttp.Response response = asAdmin().put(PATH, body.toString());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("Message").asString()).isEqualTo("The request body is larger than 65536 bytes.");
        assertThat(storedRow().get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldAnswerAnUnknownPathWithTheEnvelope() {
        RawHttp.Response response = asAdmin().get("/api/crm/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("X-Content-Type-Options")).as("the security headers, as on every answer").isEqualTo("nosniff");
        assertThat(response.json()).isEqualTo(RawHttp.json("""
                {"Status": 404, "Message": "There is nothing at this path.", "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": null, "Message": "There is nothing at this path.", "PropertyName": null}]}
                """));
    }
}
