package io.emailaccounts.server.emailaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.EmailAccounts;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountList;
import io.emailaccounts.client.model.EmailAccountOrderField;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.client.model.SortDirection;
import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;

class SearchEmailAccountsTest extends RunningServerTest {

    private static final ApiContract CONTRACT = ServedContract.load();

    private static final String PATH = "/api/crm/emailaccounts";

    /** Records 1 to 30 of business 1001 or 3003, with varied fields; the reference record is removed. */
    @BeforeEach
    void storeThirtyRecords() {
        jdbc.sql("DELETE FROM email_account").update();
        for (int id = 1; id <= 30; id++) {
            records.insert(id, Map.of(
                    "business_id", id % 3 == 0 ? 3003L : 1001L,
                    "display_name", String.format("Inbox %c", (char) ('A' + (id * 7) % 26)) + id,
                    "incoming_server_port", id % 2 == 0 ? 993 : 143,
                    "delete_message_settings", 1 + id % 3,
                    "error_count", id % 5,
                    "active", id % 4 != 0,
                    "updated_on", OffsetDateTime.parse("2025-01-15T10:00:00Z").plusSeconds(id * 20L),
                    "last_check_time", OffsetDateTime.parse("2025-01-15T10:30:00Z").plusSeconds(id)));
        }
    }

    private EmailAccounts emailAccounts() {
        return new EmailAccounts(NexudusClients.basicAuth(baseUrl(), ADMIN, ADMIN_PASSWORD));
    }

    private List<Long> ids(String query) {
        RawHttp.Response response = asAdmin().get(PATH + "?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("Records").valueStream().map(record -> record.get("Id").asLong()).toList();
    }

    @Test
    void shouldAnswerTheFirstPageInTheListEnvelopeByDefault() {
        RawHttp.Response response = asAdmin().get(PATH);

        JsonNode page = response.json();
        assertThat(page.get("Records")).hasSize(25);
        assertThat(page.get("Records").get(0).get("Id").asLong()).isEqualTo(1L);
        ((tools.jackson.databind.node.ObjectNode) page).remove("Records");
        assertThat(page).isEqualTo(RawHttp.json("""
                {"CurrentPage": 1, "CurrentPageSize": 25, "CurrentOrderField": "Id", "CurrentSortDirection": 0,
                 "FirstItem": 1, "LastItem": 25, "TotalItems": 30, "TotalPages": 2, "HasNextPage": true, "HasPreviousPage": false}
                """));
    }

    @Test
    void shouldPageThroughTheWholeResult() {
        JsonNode second = asAdmin().get(PATH + "?page=2&size=25").json();
        JsonNode past = asAdmin().get(PATH + "?page=9&size=25").json();

        assertThat(second.get("Records")).hasSize(5);
        assertThat(second.get("FirstItem").asLong()).isEqualTo(26);
        assertThat(second.get("LastItem").asLong()).isEqualTo(30);
        assertThat(second.get("TotalItems").asLong()).isEqualTo(30);
        assertThat(second.get("HasNextPage").asBoolean()).isFalse();
        assertThat(second.get("HasPreviousPage").asBoolean()).isTrue();
        assertThat(past.get("Records")).isEmpty();
        assertThat(past.get("FirstItem").asLong()).isZero();
        assertThat(past.get("TotalItems").asLong()).isEqualTo(30);
        assertThat(past.get("HasPreviousPage").asBoolean()).isTrue();
    }

    @Test
    void shouldAnswerAnEmptyResultWithNoRecords() {
        RawHttp.Response response = asAdmin().get(PATH + "?EmailAccount_Business=424242");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.get("Records")).isEmpty();
        assertThat(page.get("TotalItems").asLong()).isZero();
        assertThat(page.get("TotalPages").asInt()).isZero();
        assertThat(page.get("FirstItem").asLong()).isZero();
        assertThat(page.get("HasNextPage").asBoolean()).isFalse();
    }

    @Test
    void shouldOrderByAnyPropertyThenById() {
        assertThat(ids("orderBy=ErrorCount&dir=1&size=7")).containsExactly(29L, 24L, 19L, 14L, 9L, 4L, 28L);
        assertThat(ids("orderBy=ErrorCount&dir=-1&size=7")).as("-1 is descending too").containsExactly(29L, 24L, 19L, 14L, 9L, 4L, 28L);
        assertThat(ids("orderBy=ErrorCount&dir=0&size=4")).containsExactly(5L, 10L, 15L, 20L);
        assertThat(asAdmin().get(PATH + "?orderBy=DisplayName&dir=1").json().get("CurrentSortDirection").asInt()).isEqualTo(1);
        List<Long> byName = ids("orderBy=ToStringText&size=30");
        assertThat(byName).hasSize(30).isEqualTo(ids("orderBy=DisplayName&size=30"));
    }

    @Test
    void shouldApplyEveryFilterGiven() {
        assertThat(ids("EmailAccount_Business=3003&size=100")).containsExactly(3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L, 30L);
        assertThat(ids("EmailAccount_Business=3003&EmailAccount_Active=false")).containsExactly(12L, 24L);
        assertThat(ids("EmailAccount_DeleteMessageSettings=3&EmailAccount_IncomingServerPort=993")).containsExactly(2L, 8L, 14L, 20L, 26L);
        assertThat(ids("from_EmailAccount_ErrorCount=4&to_EmailAccount_ErrorCount=4")).containsExactly(4L, 9L, 14L, 19L, 24L, 29L);
        assertThat(ids("from_EmailAccount_IncomingServerPort=200&EmailAccount_DisplayName=Inbox%20O2")).containsExactly(2L);
    }

    @Test
    void shouldReadTimeBoundsToTheMinute() {
        // updated_on is 10:00 plus 20 s per Id: Ids 3, 4 and 5 fall in 10:01.
        assertThat(ids("from_EmailAccount_UpdatedOn=2025-01-15T10:01&to_EmailAccount_UpdatedOn=2025-01-15T10:01"))
                .containsExactly(3L, 4L, 5L);
        assertThat(ids("to_EmailAccount_UpdatedOn=2025-01-15T10:01:00Z")).containsExactly(1L, 2L, 3L);
        assertThat(ids("from_EmailAccount_UpdatedOn=2025-01-15T11:09%2B01:00&size=30")).containsExactly(27L, 28L, 29L, 30L);
        assertThat(ids("EmailAccount_LastCheckTime=2025-01-15T10:30&size=30")).hasSize(30);
        assertThat(ids("EmailAccount_LastCheckTime=2025-01-15T10:30:07Z")).containsExactly(7L);
    }

    @Test
    void shouldReportEveryBadParameterAtOnce() {
        RawHttp.Response response = asAdmin().get(PATH + "?page=0&size=1001&orderBy=GoogleAccessToken&dir=2"
                + "&EmailAccount_Business=abc&EmailAccount_Active=yes&EmailAccount_IncomingServerType=0"
                + "&to_EmailAccount_CreatedOn=yesterday&EmailAccount_Nope=1&EmailAccount_GoogleAccessToken=secret");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("Message").asString()).isEqualTo(String.join("\n",
                "EmailAccount_Nope: is not a filter of this operation",
                "EmailAccount_GoogleAccessToken: is not a filter of this operation",
                "page: must be 1 or more",
                "size: must be between 1 and 1000",
                "orderBy: must be one of " + CONTRACT.enumNamed("EmailAccountOrderField").describeValues(),
                "dir: must be one of " + CONTRACT.enumNamed("SortDirection").describeValues(),
                "EmailAccount_Business: must be a whole number",
                "EmailAccount_IncomingServerType: must be one of " + CONTRACT.enumNamed("EmailServerType").describeValues(),
                "EmailAccount_Active: must be true or false",
                "to_EmailAccount_CreatedOn: must be a date and time such as 2025-01-15T10:30:00Z"));
        assertThat(response.json().get("Errors").get(0).get("AttemptedValue").isNull()).as("unknown parameters are not echoed").isTrue();
        assertThat(response.json().get("Errors").get(2).get("AttemptedValue").asInt()).isEqualTo(0);
        assertThat(response.body()).doesNotContain("secret\"");
    }

    @Test
    void shouldNameAnImpossibleDate() {
        RawHttp.Response response = asAdmin().get(PATH + "?from_EmailAccount_LastCheckTime=2025-02-30T10:00");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("Message").asString())
                .isEqualTo("from_EmailAccount_LastCheckTime: must be a date and time such as 2025-01-15T10:30 (seconds and an offset may be added)");
    }

    @Test
    void shouldSearchThroughTheClient() throws ApiException {
        EmailAccountList page = emailAccounts().search(EmailAccounts.query().emailAccountBusiness(1001L)
                .emailAccountDeleteMessageSettings(MessageDeletionPolicy.DeleteOnReceive)
                .fromEmailAccountErrorCount(1).toEmailAccountErrorCount(3)
                .orderBy(EmailAccountOrderField.ID).dir(SortDirection.Descending), 1, 2);

        // Business 1001, policy 2 (Id % 3 == 1) and 1 to 3 errors (Id % 5): Ids 1, 7, 13, 16, 22 and 28.
        assertThat(page.getRecords()).extracting(EmailAccount::getId).containsExactly(28L, 22L);
        assertThat(page.getTotalItems()).isEqualTo(6L);
        assertThat(page.getHasNextPage()).isTrue();
        assertThat(page.getCurrentSortDirection()).isEqualTo(SortDirection.Descending);
    }

    @Test
    void shouldStreamEveryRecordPageByPage() {
        List<Long> streamed = emailAccounts().stream(EmailAccounts.query().emailAccountBusiness(1001L)
                        .orderBy(EmailAccountOrderField.DISPLAY_NAME), 4)
                .map(EmailAccount::getId).toList();

        assertThat(streamed).hasSize(20).doesNotHaveDuplicates()
                .isEqualTo(ids("EmailAccount_Business=1001&orderBy=DisplayName&size=100"));
        assertThat(emailAccounts().stream(EmailAccounts.query().emailAccountBusiness(424242L))).isEmpty();
    }
}
