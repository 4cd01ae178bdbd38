package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API3:2023, Broken Object Property Level Authorization: properties a caller may not read (excessive data
 * exposure) or may not write (mass assignment). The write-only access tokens are in no answer, an error's included;
 * what the server keeps (Id, UniqueId, CreatedOn, UpdatedOn, UpdatedBy, SystemId) cannot be set by a body; properties
 * outside the contract are ignored, or refused under strict handling. SecretsAtRestTest and SecretsStayOutOfLogsTest
 * follow the tokens to the database and the log.
 */
class Api03BrokenObjectPropertyLevelAuthorizationTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    /** The access tokens the stored record holds (EmailAccountRecords.STORED). */
    private static final String[] STORED_SECRETS = {"stored-google-token", "stored-office-token"};

    @Test
    void shouldAnswerNoAccessTokenInAnyReadOrError() {
        ObjectNode refused = (ObjectNode) RawHttp.json(requiredFieldsBody());
        refused.put("EmailAddress", "not an address").put("GoogleAccessToken", "sent-google-token")
                .put("Office365AccessToken", 42);

        for (RawHttp.Response answer : new RawHttp.Response[] {asAdmin().get(PATH + "/" + ID), asAdmin().get(PATH),
                asAdmin().get(PATH + "?id=%5B" + ID + "%5D"), asAdmin().put(PATH, refused.toString())}) {
            assertThat(answer.body()).doesNotContain(STORED_SECRETS).doesNotContain("sent-google-token")
                    .doesNotContain("GoogleAccessToken\":\"", "Office365AccessToken\":\"");
        }
        assertThat(records.secret(ID, "google_access_token")).isEqualTo("stored-google-token");
    }

    @Test
    void shouldKeepWhatTheServerKeepsWhateverTheBodySays() {
        JsonNode before = asAdmin().get(PATH + "/" + ID).json();
        ObjectNode forged = (ObjectNode) RawHttp.json(requiredFieldsBody());
        forged.put("UniqueId", "00000000-0000-4000-8000-000000000000").put("CreatedOn", "2000-01-01T00:00:00Z")
                .put("UpdatedOn", "2000-01-01T00:00:00Z").put("UpdatedBy", "someone-else@example.com")
                .put("SystemId", "forged").put("IsNew", true);

        RawHttp.Response updated = asAdmin().put(PATH, forged.toString());
        JsonNode after = asAdmin().get(PATH + "/" + ID).json();

        assertThat(updated.status()).isEqualTo(200);
        for (String kept : new String[] {"Id", "UniqueId", "CreatedOn", "SystemId", "IsNew"}) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("UpdatedBy").asString()).isEqualTo(ADMIN);
        assertThat(after.get("UpdatedOn").asString()).isNotEqualTo("2000-01-01T00:00:00Z");
    }

    @Test
    void shouldRefuseAPropertyOutsideTheContractUnderStrictHandling() {
        String body = ((ObjectNode) RawHttp.json(requiredFieldsBody())).put("DisplayName", "Promoted")
                .put("Administrator", true).toString();

        RawHttp.Response strict = asAdmin().header("Prefer", "handling=strict").put(PATH, body);

        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.json().get("Errors").findValuesAsString("PropertyName")).contains("Administrator");
        assertThat(records.row(ID).get("display_name")).isEqualTo("Stored name");
    }
}
