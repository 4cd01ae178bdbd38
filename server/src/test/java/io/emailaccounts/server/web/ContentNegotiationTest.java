package io.emailaccounts.server.web;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/** The API answers in JSON only: a client that accepts JSON gets it, one that refuses it gets a 406 envelope. */
class ContentNegotiationTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    private static void assertNotAcceptable(RawHttp.Response response, String accept) {
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/json");
        String message = "This API answers in application/json only, which the Accept header (" + accept + ") does not allow.";
        assertThat(response.json()).isEqualTo(RawHttp.requestErrorEnvelope(406, message, accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "text/plain, application/xhtml+xml"})
    void shouldRefuseAReadWhoseAnswerTheClientWouldNotAccept(String accept) {
        assertNotAcceptable(asAdmin().header("Accept", accept).get(PATH + "/" + ID), accept);
    }

    @Test
    void shouldRefuseAWriteWhoseAnswerTheClientWouldNotAcceptBeforeChangingAnything() {
        RawHttp.Response response = asAdmin().header("Accept", "application/xml").put(PATH, requiredFieldsBody());

        assertNotAcceptable(response, "application/xml");
        assertThat(records.row(ID).get("display_name")).isEqualTo("Stored name");
    }

    @Test
    void shouldRefuseATokenRequestWhoseAnswerTheClientWouldNotAccept() {
        RawHttp.Response response = http().header("Accept", "text/html")
                .postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);

        assertNotAcceptable(response, "text/html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "application/*", "text/html, application/json;q=0.1"})
    void shouldAnswerInJsonWhenTheClientAcceptsIt(String accept) {
        RawHttp.Response response = asAdmin().header("Accept", accept).get(PATH + "/" + ID);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
    }
}
