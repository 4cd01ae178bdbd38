package io.emailaccounts.server.emailaccount;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prefer: handling=strict (RFC 7240): a write naming a property the contract does not know is refused, each one
 * named; without it, unknown properties are ignored as the hosted service ignores them.
 */
class StrictHandlingTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    private RawHttp strict() {
        return asAdmin().header("Prefer", "handling=strict");
    }

    private Map<String, Object> storedRow() {
        return records.row(ID);
    }

    /** A property name the bodies of the contract do not know: checked, so that the test stays true as the contract grows. */
    private static String unknown(String name) {
        assertThat(ServedContract.load().knownProperties("EmailAccountUpdate")).as("a property the contract does not have")
                .doesNotContain(name);
        return name;
    }

    @Test
    void shouldRefuseAnUpdateWithUnknownPropertiesNamingEachAndChangeNothing() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.put("DisplayName", "Renamed");
        body.put(unknown("ReplyToEmial"), "replies@example.com");
        body.put(unknown("GoogleAccesToken"), "a-secret-under-a-misspelt-name");
        Map<String, Object> before = storedRow();

        RawHttp.Response response = strict().put(PATH, body.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Preference-Applied")).isEqualTo("handling=strict");
        JsonNode errors = response.json().get("Errors");
        assertThat(errors.valueStream().map(error -> error.get("PropertyName").asString()).toList())
                .containsExactly("ReplyToEmial", "GoogleAccesToken");
        assertThat(errors.valueStream().map(error -> error.get("AttemptedValue").isNull()).toList()).containsOnly(true);
        assertThat(response.body()).doesNotContain("a-secret-under-a-misspelt-name");
        assertThat(storedRow()).isEqualTo(before);
    }

    @Test
    void shouldTakeARecordReadBackAsItIs() {
        ObjectNode record = (ObjectNode) asAdmin().get(PATH + "/" + ID).json();
        record.put("DisplayName", "Renamed after reading");

        RawHttp.Response response = strict().put(PATH, record.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Preference-Applied")).isEqualTo("handling=strict");
        assertThat(storedRow()).containsEntry("display_name", "Renamed after reading");
    }

    @Test
    void shouldRefuseACreateWithAnUnknownPropertyAlongsideItsOtherBrokenRules() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.remove("Id");
        body.remove("DisplayName");
        body.put(unknown("NotInTheContract"), "a value");

        RawHttp.Response response = asAdmin().header("Prefer", "return=minimal, Handling=strict; reason=\"typos\"")
                .send("POST", PATH, "application/json", body.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("Errors").valueStream().map(error -> error.get("PropertyName").asString()).toList())
                .containsExactly("DisplayName", "NotInTheContract");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void shouldIgnoreUnknownPropertiesWithoutTheHeaderAsTheHostedServiceDoes() {
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.put(unknown("ReplyToEmial"), "replies@example.com");

        RawHttp.Response response = asAdmin().put(PATH, body.toString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers("Preference-Applied")).isEqualTo(List.of());
    }

    @Test
    void shouldLeaveReadsAlone() {
        RawHttp.Response response = strict().get(PATH + "/" + ID);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers("Preference-Applied")).isEqualTo(List.of());
    }
}
