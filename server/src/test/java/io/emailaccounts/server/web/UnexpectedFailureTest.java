package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.StandaloneServer;
import io.emailaccounts.server.support.logging.TestLog;
import tools.jackson.databind.node.ObjectNode;

/**
 * A failure nobody foresaw (here: the database lost its table) is a 500 in the error envelope: the operator finds it
 * in the log, the client learns nothing of the server's insides, and no secret sent with the request is written down.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final String SECRET = "ya29.SECRET-SENT-WHILE-THE-DATABASE-FAILS";
    private static final String MESSAGE = "The server failed to process the request; it has been logged.";

    private static ConfigurableApplicationContext server;
    private static RawHttp admin;

    @BeforeAll
    static void startServerAndBreakItsDatabase() {
        // Its own embedded database: the table is dropped, which no other test must see.
        server = StandaloneServer.start("--spring.datasource.url=jdbc:h2:mem:unexpected-failure;DB_CLOSE_DELAY=-1");
        admin = StandaloneServer.asAdmin(server);
        server.getBean(JdbcClient.class).sql("DROP TABLE email_account").update();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertInternalErrorEnvelope(RawHttp.Response response) {
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(500, MESSAGE));
    }

    @Test
    void shouldAnswerAFailedReadWithTheEnvelopeAndLogIt(CapturedOutput output) {
        assertInternalErrorEnvelope(admin.get(PATH + "/1"));
        assertInternalErrorEnvelope(admin.get(PATH + "?EmailAccount_Business=1001"));

        assertThat(TestLog.text()).contains("Unexpected failure of GET /api/crm/emailaccounts/1");
    }

    @Test
    void shouldAnswerAFailedWriteWithTheEnvelopeAndKeepItsSecretsOutOfTheLog(CapturedOutput output) {
        ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        body.put("GoogleAccessToken", SECRET);
        body.put("Office365AccessToken", SECRET);

        assertInternalErrorEnvelope(admin.put(PATH, body.toString()));
        body.remove("Id");
        assertInternalErrorEnvelope(admin.send("POST", PATH, "application/json", body.toString()));

        assertThat(TestLog.text()).contains("Unexpected failure of PUT /api/crm/emailaccounts");
        assertThat((TestLog.text() + output.getAll())).doesNotContain(SECRET);
    }
}
