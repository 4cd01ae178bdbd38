package io.emailaccounts.server.emailaccount;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.api.AuthenticationApi;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/** A user limited to businesses 1001 and 1002 cannot see, change or create anything of business 2002. */
class TenantIsolationTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final long OTHER = 2L;

    @BeforeEach
    void storeARecordOfAnotherBusiness() {
        records.insert(OTHER, Map.of("business_id", 2002L, "display_name", "Not yours"));
    }

    private RawHttp tenant() {
        return http().basicAuth(TENANT, TENANT_PASSWORD);
    }

    private static String body(long id, long businessId) {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.put("Id", id);
        body.put("BusinessId", businessId);
        return body.toString();
    }

    @Test
    void shouldAnswerNotFoundForAnotherBusinesssRecord() {
        assertThat(tenant().get(PATH + "/" + ID).status()).isEqualTo(200);

        RawHttp.Response read = tenant().get(PATH + "/" + OTHER);
        RawHttp.Response update = tenant().put(PATH, body(OTHER, 1001));
        RawHttp.Response delete = tenant().send("DELETE", PATH + "/" + OTHER, null, null);

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("Message").asString()).isEqualTo("Id: EmailAccount 2 was not found");
        assertThat(update.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(records.row(OTHER)).containsEntry("display_name", "Not yours").containsEntry("business_id", 2002L);
    }

    @Test
    void shouldRefuseToCreateInOrMoveIntoAnotherBusiness() {
        long before = jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single();
        ObjectNode create = (ObjectNode) RawHttp.json(body(1, 2002));
        create.remove("Id");

        RawHttp.Response created = tenant().send("POST", PATH, "application/json", create.toString());
        RawHttp.Response moved = tenant().put(PATH, body(ID, 2002));

        assertThat(created.status()).isEqualTo(403);
        assertThat(created.json()).isEqualTo(RawHttp.json("""
                {"Status": 403, "Message": "BusinessId: You may not use business 2002.", "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": 2002, "Message": "You may not use business 2002.", "PropertyName": "BusinessId"}]}
                """));
        assertThat(moved.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(before);
        assertThat(records.row(ID)).containsEntry("business_id", 1001L).containsEntry("display_name", "Stored name");
        assertThat(tenant().put(PATH, body(ID, 1002)).status()).as("moving between own businesses").isEqualTo(200);
    }

    @Test
    void shouldLeaveOtherBusinessesOutOfSearchesAndBatchReads() {
        RawHttp.Response all = tenant().get(PATH);
        RawHttp.Response asked = tenant().get(PATH + "?EmailAccount_Business=2002");
        RawHttp.Response batch = tenant().get(PATH + "?id=%5B2," + ID + "%5D");

        assertThat(all.json().get("TotalItems").asLong()).isEqualTo(1);
        assertThat(all.json().get("Records").get(0).get("Id").asLong()).isEqualTo(ID);
        assertThat(asked.json().get("TotalItems").asLong()).isZero();
        assertThat(batch.json()).hasSize(1);
        assertThat(batch.json().get(0).get("Id").asLong()).isEqualTo(ID);
    }

    @Test
    void shouldCarryTheBusinessesInTheAccessToken() throws ApiException {
        String token = new AuthenticationApi(NexudusClients.unauthenticated(baseUrl()))
                .createToken("password", TENANT, TENANT_PASSWORD, null).getAccessToken();

        assertThat(http().bearer(token).get(PATH + "/" + OTHER).status()).isEqualTo(404);
        assertThat(http().bearer(token).get(PATH + "/" + ID).status()).isEqualTo(200);
        assertThat(http().bearer(token).get(PATH).json().get("TotalItems").asLong()).isEqualTo(1);
    }

    @Test
    void shouldLetAnAdministratorSeeEveryBusiness() {
        assertThat(asAdmin().get(PATH + "/" + OTHER).status()).isEqualTo(200);
        assertThat(asAdmin().get(PATH).json().get("TotalItems").asLong()).isEqualTo(2);
    }
}
