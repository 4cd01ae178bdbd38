package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.model.ActionResponse;
import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountList;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.client.model.SortDirection;

/**
 * The client reads the hosted service's documented answers, served from {@code src/test/resources/hosted} by a local
 * stub. Their sources:
 * <ul>
 *     <li>{@code record.json} (get one; the records of {@code search-page.json} and {@code batch.json}): the example
 *     record of the Update EmailAccount page (developers.nexudus.com, "Update EmailAccount": {@code 0} for both enums,
 *     empty strings), with the read-only fields the EmailAccounts reference lists, and date-times written without an
 *     offset, as other public clients of the service document them ({@code 2025-01-15T10:30:00.123});</li>
 *     <li>{@code search-page.json}: the search envelope of the EmailAccounts reference ("Search / list");</li>
 *     <li>{@code update-200.json} and {@code validation-400.json}: the 200 and 400 example responses of the Update
 *     EmailAccount page, verbatim;</li>
 *     <li>the throttling answer: HTTP 409, an empty body and {@code Retry-After} in seconds (the reference's
 *     "Throttling on the real service").</li>
 * </ul>
 * Its throttling answer (HTTP 409, an empty body and {@code Retry-After} in seconds, the reference's "Throttling on the
 * real service") is a scenario both clients run ({@link ScenariosTest}).
 */
class HostedServiceAnswersTest {

    private final RecordingServer server = new RecordingServer();
    private final EmailAccounts emailAccounts = new EmailAccounts(NexudusClients.basicAuth(server.baseUrl(), "a", "b"));

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldReadTheDocumentedRecordWithEveryValue() throws ApiException {
        server.answer(200, hosted("record.json"));

        EmailAccount record = emailAccounts.find(87654321).orElseThrow();

        assertDocumentedRecord(record);
    }

    @Test
    void shouldKeepARecordWhoseRequiredValuesAreNull() throws ApiException, NoSuchMethodException {
        server.answer(200, hosted("record.json").replace("\"DisplayName\": \"\"", "\"DisplayName\": null")
                .replace("\"IsNew\": false", "\"IsNew\": null").replace("\"IncomingServerPort\": 0", "\"IncomingServerPort\": null"));

        EmailAccount record = emailAccounts.find(87654321).orElseThrow();

        assertThat(record.getId()).isEqualTo(87654321L);
        assertThat(record.getDisplayName()).isNull();
        assertThat(record.getIsNew()).isNull();
        assertThat(record.getIncomingServerPort()).isNull();
        assertThat(record.getUpdatedBy()).isEqualTo("admin@example.com");
        // Which the reference says: no getter of a model promises what tolerant reading does not keep.
        for (Method getter : EmailAccount.class.getMethods()) {
            assertThat(getter.isAnnotationPresent(Nonnull.class)).as("%s is @Nonnull", getter.getName()).isFalse();
        }
        assertThat(EmailAccount.class.getMethod("getDisplayName").isAnnotationPresent(Nullable.class)).isTrue();
    }

    @Test
    void shouldReadTheDocumentedSearchPage() throws ApiException {
        server.answer(200, hosted("search-page.json"));

        EmailAccountList page = emailAccounts.search(EmailAccounts.query(), 1, 25);

        assertThat(page.getRecords()).hasSize(1).first().satisfies(HostedServiceAnswersTest::assertDocumentedRecord);
        assertThat(page.getCurrentPage()).isEqualTo(1);
        assertThat(page.getCurrentPageSize()).isEqualTo(25);
        assertThat(page.getCurrentOrderField()).isEqualTo("DisplayName");
        assertThat(page.getCurrentSortDirection()).isEqualTo(SortDirection.fromValue(0));
        assertThat(page.getFirstItem()).isEqualTo(1L);
        assertThat(page.getLastItem()).isEqualTo(25L);
        assertThat(page.getTotalItems()).isEqualTo(120L);
        assertThat(page.getTotalPages()).isEqualTo(5);
        assertThat(page.getHasNextPage()).isTrue();
        assertThat(page.getHasPreviousPage()).isFalse();
    }

    @Test
    void shouldReadTheDocumentedBatchAnswer() throws ApiException {
        server.answer(200, hosted("batch.json"));

        List<EmailAccount> records = emailAccounts.getAll(List.of(87654321L));

        assertThat(records).hasSize(1).first().satisfies(HostedServiceAnswersTest::assertDocumentedRecord);
        assertThat(server.requests().get(0).path()).isEqualTo("/api/crm/emailaccounts?id=%5B87654321%5D");
    }

    @Test
    void shouldReadTheDocumentedUpdateAnswer() throws ApiException {
        server.answer(200, hosted("update-200.json"));

        ActionResponse done = emailAccounts.update(anUpdate());

        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(done.getMessage()).isEqualTo("EmailAccount was successfully updated.");
        assertThat(done.getValue().getId()).isEqualTo(87654321L);
        assertThat(done.getOpenInDialog()).isFalse();
        assertThat(done.getOpenInWindow()).isFalse();
        assertThat(done.getRedirectURL()).isNull();
        assertThat(done.getJavaScript()).isNull();
        assertThat(done.getUpdatedOn()).isEqualTo(OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC));
        assertThat(done.getUpdatedBy()).isEqualTo("admin@example.com");
        assertThat(done.getErrors()).isNull();
        assertThat(done.getWasSuccessful()).isTrue();
    }

    @Test
    void shouldRaiseTheDocumentedValidationAnswerAsTypedErrors() {
        server.answer(400, hosted("validation-400.json"));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> emailAccounts.update(anUpdate()));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(ApiErrors.propertyErrors(refused)).containsExactly(Map.entry("DisplayName", "is a required field"));
        assertThat(ApiErrors.envelope(refused)).hasValueSatisfying(envelope -> {
            assertThat(envelope.getMessage()).isEqualTo("DisplayName: is a required field");
            assertThat(envelope.getWasSuccessful()).isFalse();
            assertThat(envelope.getErrors().get(0).getAttemptedValue()).isNull();
        });
    }

    @Test
    void shouldRaiseAFailureAnsweredWithStatus200AsTheSameTypedErrorAsA400() {
        server.answer(200, hosted("validation-400.json"));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> emailAccounts.update(anUpdate()));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(ApiErrors.propertyErrors(refused)).containsExactly(Map.entry("DisplayName", "is a required field"));
    }

    @Test
    void shouldRaiseAFailureAnsweredWithStatus200WithTheStatusItsEnvelopeNames() {
        server.answer(200, """
                {"Status": 500, "Message": "EmailAccount could not be deleted.", "Value": null, "Errors": [], "WasSuccessful": false}
                """);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> emailAccounts.api().deleteEmailAccount(7L));

        assertThat(refused.getCode()).isEqualTo(500);
        assertThat(refused.getResponseBody()).contains("could not be deleted");
    }

    private static void assertDocumentedRecord(EmailAccount record) {
        assertThat(record.getId()).isEqualTo(87654321L);
        assertThat(record.getUniqueId()).isEqualTo(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        assertThat(record.getBusinessId()).isZero();
        assertThat(record.getDisplayName()).isEmpty();
        assertThat(record.getEmailAddress()).isEmpty();
        assertThat(record.getIncomingServer()).isEmpty();
        assertThat(record.getIncomingServerType().isUnknown()).isTrue();
        assertThat(record.getIncomingServerType().name()).isEqualTo("UNKNOWN");
        assertThat(record.getIncomingServerType().known()).isEqualTo(EmailServerType.Known.UNKNOWN);
        assertThat(record.getIncomingServerType().getValue()).isZero();
        assertThat(record.getIncomingServerType()).hasToString("0").isNotEqualTo(EmailServerType.Imap);
        assertThat(record.getIncomingServerPort()).isZero();
        assertThat(record.getIncomingServerUsername()).isEmpty();
        assertThat(record.getDeleteMessageSettings().isUnknown()).isTrue();
        assertThat(record.getDeleteMessageSettings().getValue()).isZero();
        assertThat(record.getDeleteMessageSettings()).isEqualTo(MessageDeletionPolicy.fromValue(0));
        assertThat(record.getOutgoingServer()).isEmpty();
        assertThat(record.getOutgoingServerPort()).isZero();
        assertThat(record.getOutgoingServerUsername()).isEmpty();
        assertThat(record.getLastMessageId()).isZero();
        assertThat(record.getErrorCount()).isZero();
        assertThat(record.getActive()).isNull();
        assertThat(record.getSendNotificationOnNewMessages()).isNull();
        assertThat(record.getNotificationEmailAddress()).isNull();
        assertThat(record.getIncomingServerSSL()).isNull();
        assertThat(record.getOutgoingServerSSL()).isNull();
        assertThat(record.getReplyToEmail()).isNull();
        assertThat(record.getLastCheckTime()).as("no offset: UTC, fractions kept")
                .isEqualTo(OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 123_000_000, ZoneOffset.UTC));
        assertThat(record.getGoogleAccessToken()).isNull();
        assertThat(record.getOffice365AccessToken()).isNull();
        assertThat(record.getCreatedOn()).isEqualTo(OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC));
        assertThat(record.getUpdatedOn()).as("no offset: UTC").isEqualTo(OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC));
        assertThat(record.getUpdatedBy()).isEqualTo("admin@example.com");
        assertThat(record.getIsNew()).isFalse();
        assertThat(record.getSystemId()).isNull();
        assertThat(record.getToStringText()).isEmpty();
    }

    private static EmailAccountUpdate anUpdate() {
        return new EmailAccountUpdate().id(87654321L).businessId(1001L).displayName("Inbox").emailAddress("inbox@example.com")
                .incomingServer("imap.example.com").incomingServerType(EmailServerType.Imap).incomingServerPort(993)
                .incomingServerUsername("u").deleteMessageSettings(MessageDeletionPolicy.DontDelete)
                .outgoingServer("smtp.example.com").outgoingServerPort(587).outgoingServerUsername("u")
                .lastMessageId(0L).errorCount(0);
    }

    private static String hosted(String name) {
        try (InputStream in = HostedServiceAnswersTest.class.getResourceAsStream("/hosted/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
