package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API1:2023, Broken Object Level Authorization: a caller reaching a record by its Id that is not theirs. Every
 * statement is scoped to the caller's businesses in its SQL, so another business's record is not merely refused: it
 * answers exactly as an Id that does not exist, so that Ids cannot be probed for. The full rules are
 * TenantIsolationTest's; every method on every path as every caller, EveryMethodEveryCallerTest's.
 */
class Api01BrokenObjectLevelAuthorizationTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    /** A record of business 2002, which {@link #TENANT} (businesses 1001 and 1002) may not see. */
    private static final long THEIRS = 770001L;
    private static final long MISSING = 770002L;

    @BeforeEach
    void storeARecordOfAnotherBusiness() {
        records.insert(THEIRS, Map.of("business_id", 2002L, "display_name", "Not yours"));
    }

    private RawHttp tenant() {
        return http().basicAuth(TENANT, TENANT_PASSWORD);
    }

    private static String update(long id) {
        return ((ObjectNode) RawHttp.json(requiredFieldsBody())).put("Id", id).put("BusinessId", 1001).toString();
    }

    @Test
    void shouldAnswerAnotherBusinesssRecordExactlyAsOneThatDoesNotExist() {
        for (String method : new String[] {"GET", "HEAD", "DELETE", "PUT"}) {
            RawHttp.Response theirs = send(method, THEIRS);
            RawHttp.Response missing = send(method, MISSING);

            assertThat(theirs.status()).as(method).isEqualTo(404).isEqualTo(missing.status());
            assertThat(theirs.body().replace(String.valueOf(THEIRS), "{id}")).as(method)
                    .isEqualTo(missing.body().replace(String.valueOf(MISSING), "{id}"));
            assertThat(theirs.header("ETag")).as(method).isNull();
        }
        assertThat(records.row(THEIRS)).containsEntry("display_name", "Not yours").containsEntry("business_id", 2002L);
    }

    private RawHttp.Response send(String method, long id) {
        return method.equals("PUT") ? tenant().put(PATH, update(id)) : tenant().send(method, PATH + "/" + id, null, null);
    }

    @Test
    void shouldAnswerNoRecordOfAnotherBusinessInAListOrABatch() {
        RawHttp.Response search = tenant().get(PATH + "?EmailAccount_Business=2002");
        RawHttp.Response batch = tenant().get(PATH + "?id=%5B" + THEIRS + "," + ID + "%5D");
        RawHttp.Response elsewhere = http().basicAuth(OTHER_BUSINESS, ROLE_PASSWORD).get(PATH);

        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("Records").size()).isZero();
        assertThat(batch.json().findValuesAsString("DisplayName")).containsExactly("Stored name");
        assertThat(elsewhere.json().get("Records").size()).as("a user of business 9999 only").isZero();
    }
}
