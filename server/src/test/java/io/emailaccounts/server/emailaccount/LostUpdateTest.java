package io.emailaccounts.server.emailaccount;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.emailaccounts.client.ApiErrors;
import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.EmailAccounts;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.Versioned;
import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountUpdate;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/** Two clients read the same version; the second update, sent with If-Match, must not silently undo the first. */
class LostUpdateTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    private static String renamed(String name) {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.put("DisplayName", name);
        return body.toString();
    }

    @Test
    void shouldAnswerTheVersionAsETag() {
        String first = asAdmin().get(PATH + "/" + ID).header("ETag");

        RawHttp.Response update = asAdmin().put(PATH, renamed("Once"));

        assertThat(first).isEqualTo("\"1\"");
        assertThat(update.header("ETag")).isEqualTo("\"2\"");
        assertThat(asAdmin().get(PATH + "/" + ID).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void shouldRefuseAnUpdateOfAVersionThatChangedAndChangeNothing() {
        String etag = asAdmin().get(PATH + "/" + ID).header("ETag");
        assertThat(asAdmin().header("If-Match", etag).put(PATH, renamed("First writer")).status()).isEqualTo(200);

        RawHttp.Response second = asAdmin().header("If-Match", etag).put(PATH, renamed("Second writer"));

        assertThat(second.status()).isEqualTo(412);
        assertThat(second.header("ETag")).isEqualTo("\"2\"");
        assertThat(second.json()).isEqualTo(RawHttp.json("""
                {"Status": 412, "Value": null, "WasSuccessful": false,
                 "Message": "Id: EmailAccount 87654321 changed since it was read (it is now version \\"2\\"); read it again",
                 "Errors": [{"AttemptedValue": "\\"1\\"", "PropertyName": "Id",
                             "Message": "EmailAccount 87654321 changed since it was read (it is now version \\"2\\"); read it again"}]}
                """));
        assertThat(records.row(ID)).containsEntry("display_name", "First writer").containsEntry("version", 2L);
    }

    @Test
    void shouldLetOneOfManyUpdatesOfTheSameVersionSentAtOnceWin() throws Exception {
        String etag = asAdmin().get(PATH + "/" + ID).header("ETag");
        int writers = 16;
        CountDownLatch ready = new CountDownLatch(writers);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        Map<String, Future<RawHttp.Response>> answers = new LinkedHashMap<>();
        try {
            for (int i = 0; i < writers; i++) {
                String name = "Writer " + i;
                answers.put(name, threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return asAdmin().header("If-Match", etag).put(PATH, renamed(name));
                }));
            }
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (Map.Entry<String, Future<RawHttp.Response>> answer : answers.entrySet()) {
                statuses.put(answer.getKey(), answer.getValue().get(30, TimeUnit.SECONDS).status());
            }

            List<String> accepted = statuses.keySet().stream().filter(name -> statuses.get(name) == 200).toList();
            assertThat(accepted).hasSize(1);
            assertThat(statuses.values()).filteredOn(status -> status != 200).hasSize(writers - 1).containsOnly(412);
            assertThat(records.row(ID)).containsEntry("version", 2L).containsEntry("display_name", accepted.get(0));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldUpdateWithAMatchingStarOrAbsentIfMatch() {
        RawHttp.Response oneOfTwo = asAdmin().header("If-Match", "\"7\", \"1\"").put(PATH, renamed("a"));
        assertThat(oneOfTwo.status()).isEqualTo(200);
        assertThat(oneOfTwo.header("ETag")).isEqualTo("\"2\"");
        RawHttp.Response any = asAdmin().header("If-Match", "*").put(PATH, renamed("b"));
        assertThat(any.status()).isEqualTo(200);
        assertThat(any.header("ETag")).isEqualTo("\"3\"");
        assertThat(asAdmin().put(PATH, renamed("c")).header("ETag")).isEqualTo("\"4\"");
        assertThat(asAdmin().header("If-Match", "W/\"4\"").put(PATH, renamed("d")).status()).as("weak tags never match").isEqualTo(412);
        assertThat(records.row(ID)).containsEntry("display_name", "c").containsEntry("version", 4L);
    }

    @Test
    void shouldAnswerNotFoundRatherThanPreconditionFailedForAnUnknownRecord() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.put("Id", 424242);

        assertThat(asAdmin().header("If-Match", "\"1\"").put(PATH, body.toString()).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerNotModifiedToAConditionalRead() {
        RawHttp.Response response = asAdmin().header("If-None-Match", "\"1\"").get(PATH + "/" + ID);

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void shouldProtectAnUpdateThroughTheClient() throws ApiException {
        EmailAccounts first = new EmailAccounts(NexudusClients.basicAuth(baseUrl(), ADMIN, ADMIN_PASSWORD));
        EmailAccounts second = new EmailAccounts(NexudusClients.basicAuth(baseUrl(), TENANT, TENANT_PASSWORD));
        Versioned<EmailAccount> readByFirst = first.findVersioned(ID).orElseThrow();
        Versioned<EmailAccount> readBySecond = second.findVersioned(ID).orElseThrow();

        first.update(updateOf(readByFirst.value(), "Renamed by the first"), readByFirst.etag());
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> second.update(updateOf(readBySecond.value(), "Renamed by the second"), readBySecond.etag()));

        assertThat(readByFirst.etag()).isEqualTo("\"1\"");
        assertThat(refused.getCode()).isEqualTo(412);
        assertThat(ApiErrors.propertyErrors(refused)).containsKey("Id");
        assertThat(first.find(ID).orElseThrow().getDisplayName()).isEqualTo("Renamed by the first");
    }

    private static EmailAccountUpdate updateOf(EmailAccount read, String displayName) {
        return new EmailAccountUpdate().id(read.getId()).businessId(read.getBusinessId()).displayName(displayName)
                .emailAddress(read.getEmailAddress()).incomingServer(read.getIncomingServer())
                .incomingServerType(read.getIncomingServerType()).incomingServerPort(read.getIncomingServerPort())
                .incomingServerUsername(read.getIncomingServerUsername()).deleteMessageSettings(read.getDeleteMessageSettings())
                .outgoingServer(read.getOutgoingServer()).outgoingServerPort(read.getOutgoingServerPort())
                .outgoingServerUsername(read.getOutgoingServerUsername()).lastMessageId(read.getLastMessageId())
                .errorCount(read.getErrorCount());
    }
}
