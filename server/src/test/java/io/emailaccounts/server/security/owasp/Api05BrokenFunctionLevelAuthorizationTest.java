package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * OWASP API5:2023, Broken Function Level Authorization: calling an operation, or an administrative function, without
 * the right to. Each operation needs the role the contract names (x-required-role), HEAD the GET's, and EveryMethodEveryCallerTest
 * sends every method to every path as every caller. Here: the administrative endpoints refuse a user who holds every
 * role but is not an administrator, HEAD does not get round a role, and a method override header is not obeyed.
 */
class Api05BrokenFunctionLevelAuthorizationTest extends RunningServerTest {

    private static final String RECORD = "/api/crm/emailaccounts/" + ID;

    @Test
    void shouldKeepTheAdministrativeEndpointsForAdministrators() {
        RawHttp everyRole = http().basicAuth(TENANT, TENANT_PASSWORD);

        assertThat(asAdmin().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(everyRole.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(everyRole.send("POST", "/actuator/backup", null, null).status()).isEqualTo(403);
        assertThat(http().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http().send("POST", "/actuator/backup", null, null).status()).isEqualTo(401);
    }

    @Test
    void shouldJudgeHeadAsGet() {
        RawHttp.Response noRole = http().basicAuth(VIEWER, VIEWER_PASSWORD).send("HEAD", RECORD, null, null);
        RawHttp.Response reader = http().basicAuth(AUDITOR, AUDITOR_PASSWORD).send("HEAD", RECORD, null, null);

        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.header("ETag")).isNull();
        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.header("ETag")).isNotNull();
    }

    @Test
    void shouldNotObeyAMethodOverride() {
        RawHttp reader = http().basicAuth(AUDITOR, AUDITOR_PASSWORD);

        RawHttp.Response overridden = reader.header("X-HTTP-Method-Override", "DELETE").header("X-HTTP-Method", "DELETE")
                .header("X-Method-Override", "DELETE").send("POST", RECORD + "?_method=DELETE", null, null);
        RawHttp.Response delete = http().basicAuth(AUDITOR, AUDITOR_PASSWORD).send("DELETE", RECORD, null, null);

        assertThat(overridden.status()).as("POST on a record's path").isEqualTo(405);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(records.row(ID)).isNotEmpty();
    }
}
