package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountOrderField;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.client.model.SortDirection;

class EmailAccountsTest {

    private static final String RECORD = """
            {"Id": %d, "UniqueId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "BusinessId": 1001, "DisplayName": "Inbox",
             "EmailAddress": "inbox@example.com", "IncomingServer": "imap.example.com", "IncomingServerType": 1,
             "IncomingServerPort": 993, "IncomingServerUsername": "u", "DeleteMessageSettings": 0,
             "OutgoingServer": "smtp.example.com", "OutgoingServerPort": 587, "OutgoingServerUsername": "u",
             "LastMessageId": 0, "ErrorCount": 0, "Active": null, "GoogleAccessToken": null, "Office365AccessToken": null,
             "CreatedOn": "2025-01-15T10:30:00Z", "UpdatedOn": "2025-01-15T10:30:00Z", "UpdatedBy": "a",
             "IsNew": false, "SystemId": null, "ToStringText": "Inbox", "SomethingNew": 1}
            """;
    private static final String PAGE = """
            {"Records": [%s], "CurrentPage": %d, "CurrentPageSize": 2, "CurrentOrderField": "Id", "CurrentSortDirection": 0,
             "FirstItem": 1, "LastItem": 2, "TotalItems": 3, "TotalPages": 2, "HasNextPage": %b, "HasPreviousPage": false}
            """;

    private final RecordingServer server = new RecordingServer();
    private final EmailAccounts emailAccounts = new EmailAccounts(NexudusClients.basicAuth(server.baseUrl(), "a", "b"));

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static String query(RecordingServer.Request request) {
        return URLDecoder.decode(request.path().substring(request.path().indexOf('?') + 1), StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindARecordAndToleratePropertiesAndEnumValuesItDoesNotKnow() throws ApiException {
        server.answer(200, RECORD.formatted(7));

        EmailAccount found = emailAccounts.find(7).orElseThrow();

        assertThat(found.getId()).isEqualTo(7L);
        assertThat(found.getDeleteMessageSettings().isUnknown()).as("0 is not a value of the enum").isTrue();
        assertThat(found.getDeleteMessageSettings().getValue()).isZero();
        assertThat(server.requests().get(0).path()).isEqualTo("/api/crm/emailaccounts/7");
    }

    @Test
    void shouldFindNothingOnNotFoundAndRethrowOtherFailures() throws ApiException {
        server.answer(404, "{\"Message\": \"Id: EmailAccount 7 was not found\", \"Value\": null, \"WasSuccessful\": false, \"Errors\": []}")
                .answer(403, "");

        assertThat(emailAccounts.find(7)).isEmpty();
        assertThatThrownBy(() -> emailAccounts.find(7)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).getCode()).isEqualTo(403));
    }

    @Test
    void shouldReadABatchAnswerAsRecordsInChunksOfAThousandIds() throws ApiException {
        server.answer(200, "[" + RECORD.formatted(2) + "]").answer(200, "[" + RECORD.formatted(1500) + "]");
        List<Long> ids = LongStream.rangeClosed(1, 1500).boxed().toList();

        List<EmailAccount> found = emailAccounts.getAll(ids);

        assertThat(found).extracting(EmailAccount::getId).containsExactly(2L, 1500L);
        assertThat(server.requests()).hasSize(2);
        assertThat(query(server.requests().get(0))).startsWith("id=[1,2,3,").endsWith(",1000]");
        assertThat(query(server.requests().get(1))).isEqualTo("id=[" + String.join(",", LongStream.rangeClosed(1001, 1500)
                .mapToObj(String::valueOf).toList()) + "]");
    }

    @Test
    void shouldSendTheFiltersOfAQuery() throws ApiException {
        server.answer(200, PAGE.formatted(RECORD.formatted(1), 1, false));

        emailAccounts.search(EmailAccounts.query().emailAccountBusiness(1001L).emailAccountActive(true)
                .emailAccountDeleteMessageSettings(MessageDeletionPolicy.DeleteOnReceive).fromEmailAccountErrorCount(1)
                .fromEmailAccountUpdatedOn(EmailAccounts.time(OffsetDateTime.parse("2025-01-15T10:30:00Z")))
                .orderBy(EmailAccountOrderField.DISPLAY_NAME).dir(SortDirection.Descending), 3, 50);

        assertThat(query(server.requests().get(0)).split("&")).containsExactlyInAnyOrder("page=3", "size=50",
                "orderBy=DisplayName", "dir=1", "EmailAccount_Business=1001", "EmailAccount_Active=true",
                "EmailAccount_DeleteMessageSettings=2", "from_EmailAccount_ErrorCount=1",
                "from_EmailAccount_UpdatedOn=2025-01-15T10:30:00Z");
    }

    @Test
    void shouldStreamPagesOnlyAsTheyAreRead() {
        server.answer(200, PAGE.formatted(RECORD.formatted(1) + "," + RECORD.formatted(2), 1, true))
                .answer(200, PAGE.formatted(RECORD.formatted(3), 2, false));

        Iterator<EmailAccount> records = emailAccounts.stream(EmailAccounts.query(), 2).iterator();

        assertThat(server.requests()).isEmpty();
        assertThat(records.next().getId()).isEqualTo(1L);
        assertThat(records.next().getId()).isEqualTo(2L);
        assertThat(server.requests()).hasSize(1);
        assertThat(records.next().getId()).isEqualTo(3L);
        assertThat(records.hasNext()).isFalse();
        assertThat(server.requests()).extracting(EmailAccountsTest::query).containsExactly("page=1&size=2", "page=2&size=2");
    }

    @Test
    void shouldReportAFailedPageFromTheStream() {
        server.answer(401, "{\"Message\": \"m\", \"Value\": null, \"WasSuccessful\": false, \"Errors\": []}");

        assertThatThrownBy(() -> emailAccounts.stream(EmailAccounts.query()).toList())
                .isInstanceOf(UncheckedApiException.class)
                .satisfies(e -> assertThat(((UncheckedApiException) e).getCause().getCode()).isEqualTo(401));
    }

    @Test
    void shouldTellAPageFromABatchAnswer() throws Exception {
        EmailAccountSearchResult page = ApiClient.createDefaultObjectMapper()
                .readValue(PAGE.formatted(RECORD.formatted(1), 1, false), EmailAccountSearchResult.class);
        EmailAccountSearchResult batch = ApiClient.createDefaultObjectMapper()
                .readValue("[" + RECORD.formatted(5) + "]", EmailAccountSearchResult.class);

        assertThat(page.isPage()).isTrue();
        assertThat(page.page().getTotalItems()).isEqualTo(3L);
        assertThat(page.records()).extracting(EmailAccount::getId).containsExactly(1L);
        assertThat(batch.isPage()).isFalse();
        assertThat(batch.records()).extracting(EmailAccount::getId).containsExactly(5L);
        assertThatThrownBy(batch::page).isInstanceOf(IllegalStateException.class);
    }
}
