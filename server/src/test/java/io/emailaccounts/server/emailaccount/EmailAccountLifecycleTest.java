package io.emailaccounts.server.emailaccount;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.emailaccounts.client.ApiErrors;
import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.EmailAccounts;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.model.ActionResponse;
import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountFields;
import io.emailaccounts.client.model.EmailAccountList;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.contract.ContractProperty;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.ExampleBodies;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Create, read, update, search, batch-read and delete a record, through the generated client and over raw HTTP. */
class EmailAccountLifecycleTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    private EmailAccounts emailAccounts() {
        return new EmailAccounts(NexudusClients.basicAuth(baseUrl(), ADMIN, ADMIN_PASSWORD));
    }

    private static EmailAccountFields salesInbox() {
        return new EmailAccountFields()
                .businessId(2002L).displayName("Sales inbox").emailAddress("sales@example.com")
                .incomingServer("imap.example.com").incomingServerType(EmailServerType.Imap).incomingServerPort(993)
                .incomingServerUsername("sales").deleteMessageSettings(MessageDeletionPolicy.DeleteOnReceive)
                .outgoingServer("smtp.example.com").outgoingServerPort(465).outgoingServerUsername("sales")
                .lastMessageId(0L).errorCount(0).active(true).googleAccessToken("google-secret");
    }

    @Test
    void shouldCreateReadUpdateSearchAndDeleteThroughTheClient() throws ApiException {
        EmailAccounts emailAccounts = emailAccounts();

        ActionResponse created = emailAccounts.create(salesInbox());
        long id = created.getValue().getId();
        assertThat(created.getMessage()).isEqualTo("EmailAccount was successfully created.");
        assertThat(created.getWasSuccessful()).isTrue();

        EmailAccount read = emailAccounts.find(id).orElseThrow();
        assertThat(read.getDisplayName()).isEqualTo("Sales inbox");
        assertThat(read.getDeleteMessageSettings()).isEqualTo(MessageDeletionPolicy.DeleteOnReceive);
        assertThat(read.getGoogleAccessToken()).as("write-only").isNull();
        assertThat(read.getUpdatedBy()).isEqualTo(ADMIN);
        assertThat(read.getUniqueId()).isNotNull();
        assertThat(read.getCreatedOn()).isEqualTo(read.getUpdatedOn());

        emailAccounts.api().updateEmailAccount(new EmailAccountUpdate().id(id).businessId(2002L).displayName("Sales")
                .emailAddress("sales@example.com").incomingServer("imap.example.com").incomingServerType(EmailServerType.Imap)
                .incomingServerPort(993).incomingServerUsername("sales").deleteMessageSettings(MessageDeletionPolicy.DontDelete)
                .outgoingServer("smtp.example.com").outgoingServerPort(465).outgoingServerUsername("sales")
                .lastMessageId(12L).errorCount(0), null);
        assertThat(emailAccounts.find(id).orElseThrow().getDisplayName()).isEqualTo("Sales");

        EmailAccountList found = emailAccounts.search(EmailAccounts.query().emailAccountBusiness(2002L), 1, 25);
        assertThat(found.getRecords()).extracting(EmailAccount::getId).containsExactly(id);
        assertThat(emailAccounts.getAll(List.of(id, ID, 999_999L))).extracting(EmailAccount::getId).containsExactly(id, ID);

        ActionResponse deleted = emailAccounts.api().deleteEmailAccount(id);
        assertThat(deleted.getMessage()).isEqualTo("EmailAccount was successfully deleted.");
        assertThat(deleted.getValue().getId()).isEqualTo(id);
        assertThat(emailAccounts.find(id)).isEmpty();
        assertThat(records.row(ID)).containsEntry("display_name", "Stored name");
    }

    @Test
    void shouldAnswerTheWholeRecordWithoutItsSecrets() {
        RawHttp.Response response = asAdmin().get(PATH + "/" + ID);

        assertThat(response.status()).isEqualTo(200);
        // Every property of the contract with its stored value, but the write-only secrets, which are left out.
        ObjectNode expected = EmailAccountRecords.storedRecordAnswered();
        assertThat(response.json()).isEqualTo(expected);
        assertThat(response.body()).doesNotContain("stored-google-token").doesNotContain("stored-office-token");
    }

    @Test
    void shouldLoseNothingWhenARecordReadBackIsSentAgain() {
        ObjectNode record = (ObjectNode) asAdmin().get(PATH + "/" + ID).json();
        record.put("DisplayName", "Renamed after reading");

        RawHttp.Response response = asAdmin().put(PATH, record.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(records.row(ID)).contains(entry("display_name", "Renamed after reading"),
                entry("reply_to_email", "reply@example.com"), entry("unique_id", UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427")));
        assertThat(records.secret(ID, "google_access_token")).isEqualTo("stored-google-token");
        assertThat(records.secret(ID, "office365_access_token")).isEqualTo("stored-office-token");
    }

    @Test
    void shouldRequireTheEnumFieldsOnCreateAndIgnoreAnId() {
        ObjectNode withoutEnums = ExampleBodies.requiredFields(EmailAccountSchema.WRITABLE_SCHEMA);
        withoutEnums.remove(List.of("IncomingServerType", "DeleteMessageSettings"));
        RawHttp.Response invalid = asAdmin().send("POST", PATH, "application/json", withoutEnums.toString());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("Message").asString())
                .isEqualTo("IncomingServerType: is a required field\nDeleteMessageSettings: is a required field");

        ObjectNode withAnId = ExampleBodies.requiredFields(EmailAccountSchema.WRITABLE_SCHEMA)
                .put("Id", 77777777).put("CreatedOn", "1999-01-01T00:00:00Z");
        RawHttp.Response created = asAdmin().send("POST", PATH, "application/json", withAnId.toString());
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("Value").get("Id").asLong();
        assertThat(id).isNotEqualTo(77777777L);
        assertThat(((OffsetDateTime) records.row(id).get("created_on")).toInstant()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void shouldCreateNothingFromAnInvalidBody() {
        long before = jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single();

        RawHttp.Response response = asAdmin().send("POST", PATH, "application/json", "{\"DisplayName\": 5}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("Errors")).as("one per required field, DisplayName's type among them")
                .hasSize((int) ExampleBodies.CONTRACT.properties(EmailAccountSchema.WRITABLE_SCHEMA).values().stream()
                        .filter(ContractProperty::required).count());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownIdOnEveryOperation() {
        for (RawHttp.Response response : List.of(asAdmin().get(PATH + "/12345"),
                asAdmin().send("DELETE", PATH + "/12345", null, null))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("Message").asString()).isEqualTo("Id: EmailAccount 12345 was not found");
        }
        ApiException failure = catchThrowableOfType(ApiException.class, () -> emailAccounts().api().deleteEmailAccount(12345L));
        assertThat(failure.getCode()).isEqualTo(404);
        assertThat(ApiErrors.propertyErrors(failure)).containsExactly(entry("Id", "EmailAccount 12345 was not found"));
    }

    @Test
    void shouldNameABadIdInThePath() {
        RawHttp.Response word = asAdmin().get(PATH + "/abc");
        RawHttp.Response zero = asAdmin().send("DELETE", PATH + "/0", null, null);

        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().get("Errors").get(0)).isEqualTo(RawHttp.json(
                "{\"AttemptedValue\": \"abc\", \"Message\": \"must be a whole number\", \"PropertyName\": \"id\"}"));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("Message").asString()).isEqualTo("id: must be 1 or more");
        assertThat(records.row(ID)).isNotEmpty();
    }

    @Test
    void shouldAskEachOperationForItsRole() {
        RawHttp viewer = http().basicAuth(VIEWER, VIEWER_PASSWORD);
        Map<String, Integer> answers = Map.of(
                "GET " + PATH + "/" + ID, viewer.get(PATH + "/" + ID).status(),
                "GET " + PATH, viewer.get(PATH).status(),
                "POST " + PATH, viewer.send("POST", PATH, "application/json", "{}").status(),
                "DELETE " + PATH + "/" + ID, viewer.send("DELETE", PATH + "/" + ID, null, null).status());
        assertThat(answers).allSatisfy((operation, status) -> assertThat(status).as(operation).isEqualTo(403));

        RawHttp clerk = http().basicAuth(CLERK, CLERK_PASSWORD);
        assertThat(clerk.get(PATH).status()).as("search with EmailAccount-List").isEqualTo(200);
        assertThat(clerk.get(PATH + "?id=%5B" + ID + "%5D").status()).as("batch read needs EmailAccount-Read").isEqualTo(403);
        assertThat(clerk.get(PATH + "/" + ID).status()).isEqualTo(403);
        assertThat(clerk.get(PATH + "?id=%5B" + ID + "%5D").json().get("Message").asString())
                .isEqualTo("This operation needs a full unrestricted administrator or the EmailAccount-Read role.");

        RawHttp auditor = http().basicAuth(AUDITOR, AUDITOR_PASSWORD);
        assertThat(auditor.get(PATH + "?id=%5B" + ID + "%5D").status()).isEqualTo(200);
        assertThat(auditor.get(PATH + "/" + ID).status()).isEqualTo(200);
        assertThat(auditor.get(PATH).status()).as("search needs EmailAccount-List").isEqualTo(403);
        assertThat(auditor.send("DELETE", PATH + "/" + ID, null, null).status()).isEqualTo(403);

        assertThat(http().get(PATH).status()).isEqualTo(401);
        assertThat(http().send("DELETE", PATH + "/" + ID, null, null).status()).isEqualTo(401);
        assertThat(records.row(ID)).isNotEmpty();
    }

    @Test
    void shouldAnswerABatchReadAsABareArrayInTheOrderAskedFor() {
        records.insert(11, Map.of());
        records.insert(12, Map.of());

        RawHttp.Response response = asAdmin().get(PATH + "?id=%5B12,%2099999,11,%20" + ID + ",12%5D");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.isArray()).isTrue();
        assertThat(body.valueStream().map(record -> record.get("Id").asLong()).toList()).containsExactly(12L, 11L, ID);
        assertThat(body.get(2).has("GoogleAccessToken")).as("a write-only secret is left out").isFalse();
    }

    @Test
    void shouldNameAMalformedBatch() {
        assertThat(asAdmin().get(PATH + "?id=1,2").json().get("Errors").get(0).get("PropertyName").asString()).isEqualTo("id");
        assertThat(asAdmin().get(PATH + "?id=%5B1,x%5D").status()).isEqualTo(400);
        String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(String::valueOf).collect(Collectors.joining(",", "%5B", "%5D"));
        assertThat(asAdmin().get(PATH + "?id=" + tooMany).json().get("Message").asString()).isEqualTo("id: must list at most 1000 Ids");
    }
}
