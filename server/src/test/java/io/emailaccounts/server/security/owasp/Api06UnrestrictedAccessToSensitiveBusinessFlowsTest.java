package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API6:2023, Unrestricted Access to Sensitive Business Flows: a flow that harms the business when automated at
 * scale (buying out stock, mass sign-ups). This API has no such flow of its own: it keeps the configuration of mail
 * accounts, and nothing it does costs money or a scarce good. What automation could abuse is sign-in (credential
 * stuffing: the throttles of API2 and the token endpoint's rate limit, TokenRequestLimitTest) and the mass creation
 * of records: every user's writes are rate-limited (100 a minute here, 600 by default), so that a script with stolen
 * credentials fills the database only slowly.
 */
@TestPropertySource(properties = "emailaccounts.rate-limit.writes-per-minute=100")
class Api06UnrestrictedAccessToSensitiveBusinessFlowsTest extends RunningServerTest {

    @Test
    void shouldSlowAFloodOfCreatesFromOneUser() {
        RawHttp creator = http().basicAuth(roleUser("EmailAccount-Create"), ROLE_PASSWORD);
        ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
        body.remove("Id");
        int created = 0;
        RawHttp.Response refused = null;
        while (refused == null && created < 300) {
            RawHttp.Response answer = creator.send("POST", "/api/crm/emailaccounts", "application/json", body.toString());
            if (answer.status() == 200) {
                created++;
            } else {
                refused = answer;
            }
        }

        assertThat(created).as("100 at once, plus the few given back while they were sent").isBetween(100, 115);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.json().get("Message").asString()).startsWith("Too many changes");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(1L + created);
    }
}
