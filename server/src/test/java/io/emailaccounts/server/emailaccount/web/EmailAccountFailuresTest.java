package io.emailaccounts.server.emailaccount.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import io.emailaccounts.server.emailaccount.service.BusinessForbiddenException;
import io.emailaccounts.server.emailaccount.service.EmailAccountNotFoundException;
import io.emailaccounts.server.emailaccount.service.IdempotencyKeyInFlightException;
import io.emailaccounts.server.emailaccount.service.IdempotencyKeyReusedException;
import io.emailaccounts.server.emailaccount.service.VersionChangedException;
import tools.jackson.databind.JsonNode;

/**
 * Each kind of failure a client of the EmailAccounts operations can meet, and its one answer: the status, JSON, and the
 * error envelope naming what went wrong. No server, no database: the same mapping the real-port suites go through.
 */
class EmailAccountFailuresTest extends WebSliceTest {

    private MvcResult perform(RequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
        return result;
    }

    private void assertEnvelope(MvcResult result, String expected) throws Exception {
        assertThat(answer(result)).isEqualTo(json.readTree(expected));
    }

    @Test
    void shouldAnswerAnUnknownRecord404NamingTheId() throws Exception {
        when(service.get(eq(42L), any())).thenThrow(new EmailAccountNotFoundException(42));

        assertEnvelope(perform(get(PATH + "/42"), 404), """
                {"Status": 404, "Message": "Id: EmailAccount 42 was not found", "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": 42, "Message": "EmailAccount 42 was not found", "PropertyName": "Id"}]}
                """);
    }

    @Test
    void shouldAnswerAStaleIfMatch412WithTheCurrentVersion() throws Exception {
        when(service.applyUpdate(anyLong(), any(), any(), any())).thenThrow(new VersionChangedException(5, 9));

        MvcResult result = perform(put(PATH).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"3\"")
                .content(requiredFields().put("Id", 5).toString()), 412);

        assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"9\"");
        assertEnvelope(result, """
                {"Status": 412, "Value": null, "WasSuccessful": false,
                 "Message": "Id: EmailAccount 5 changed since it was read (it is now version \\"9\\"); read it again",
                 "Errors": [{"AttemptedValue": "\\"3\\"", "PropertyName": "Id",
                             "Message": "EmailAccount 5 changed since it was read (it is now version \\"9\\"); read it again"}]}
                """);
    }

    @Test
    void shouldAnswerAnotherBusiness403NamingBusinessId() throws Exception {
        when(service.create(any(), any(), any())).thenThrow(new BusinessForbiddenException(1001));

        assertEnvelope(perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(requiredFields().toString()), 403), """
                {"Status": 403, "Message": "BusinessId: You may not use business 1001.", "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": 1001, "Message": "You may not use business 1001.", "PropertyName": "BusinessId"}]}
                """);
    }

    @Test
    void shouldAnswerAKeyStillInFlight409WithRetryAfter() throws Exception {
        when(service.create(any(), any(), any())).thenThrow(new IdempotencyKeyInFlightException());

        MvcResult result = perform(post(PATH).header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
                .content(requiredFields().toString()), 409);

        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("1");
        assertEnvelope(result, """
                {"Status": 409, "Value": null, "WasSuccessful": false,
                 "Message": "Idempotency-Key: a request with this key is still being processed; send it again after the Retry-After delay.",
                 "Errors": [{"AttemptedValue": null, "PropertyName": "Idempotency-Key",
                             "Message": "a request with this key is still being processed; send it again after the Retry-After delay."}]}
                """);
    }

    @Test
    void shouldAnswerAKeyUsedForAnotherRequest422() throws Exception {
        when(service.create(any(), any(), any())).thenThrow(new IdempotencyKeyReusedException());

        assertEnvelope(perform(post(PATH).header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
                .content(requiredFields().toString()), 422), """
                {"Status": 422, "Value": null, "WasSuccessful": false,
                 "Message": "Idempotency-Key: was used for another request; send a new key with a new request.",
                 "Errors": [{"AttemptedValue": null, "PropertyName": "Idempotency-Key",
                             "Message": "was used for another request; send a new key with a new request."}]}
                """);
    }

    @Test
    void shouldRefuseAMalformedKey400NamingTheHeaderWithoutEchoingItAndCreateNothing() throws Exception {
        for (String key : new String[] {"", "  ", "\"unterminated", "\"a\"b\"", "\"a\\x\"", "two words", "x".repeat(256),
                "\"" + "x".repeat(256) + "\"", "caf\u00e9", "\"\""}) {
            assertEnvelope(perform(post(PATH).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content(requiredFields().toString()), 400), """
                    {"Status": 400, "Value": null, "WasSuccessful": false,
                     "Message": "Idempotency-Key: must be 1 to 255 printable ASCII characters, bare or in double quotes",
                     "Errors": [{"AttemptedValue": null, "PropertyName": "Idempotency-Key",
                                 "Message": "must be 1 to 255 printable ASCII characters, bare or in double quotes"}]}
                    """);
        }
        verifyNoInteractions(service);
    }

    @Test
    void shouldAnswerMalformedJson400SayingWhereItBroke() throws Exception {
        assertEnvelope(perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"BusinessId\": 1,\n  \"x\"}"), 400), """
                {"Status": 400, "Message": "The request body is not valid JSON (line 2, column 6).", "Value": null,
                 "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": null, "Message": "The request body is not valid JSON (line 2, column 6).",
                             "PropertyName": null}]}
                """);
        verifyNoInteractions(service);
    }

    @Test
    void shouldAnswerEveryBadParameter400AtOnce() throws Exception {
        MvcResult result = perform(get(PATH + "?size=0&EmailAccount_Active=maybe&EmailAccount_Nope=1"), 400);

        JsonNode envelope = answer(result);
        assertThat(envelope.get("Errors").valueStream().map(error -> error.get("PropertyName").asString()))
                .containsExactlyInAnyOrder("size", "EmailAccount_Active", "EmailAccount_Nope");
        assertThat(envelope.get("Errors").valueStream().map(error -> error.get("AttemptedValue"))
                .map(value -> value.isNull() ? null : value.asString()))
                .as("each value as it was sent; none for a parameter the operation does not have")
                .containsExactlyInAnyOrder("0", "maybe", null);
        assertThat(envelope.get("Errors")).allSatisfy(error -> assertThat(error.get("Message").asString()).isNotBlank());
        assertThat(envelope.get("Message").asString()).as("one line per error, PropertyName: message").isEqualTo(
                envelope.get("Errors").valueStream().map(error -> error.get("PropertyName").asString() + ": "
                        + error.get("Message").asString()).collect(Collectors.joining("\n")));
        assertThat(envelope.get("Status").asInt()).isEqualTo(400);
        assertThat(envelope.get("WasSuccessful").asBoolean()).isFalse();
        assertThat(envelope.get("Value").isNull()).isTrue();
        verifyNoInteractions(service);
    }

    /** A number in the query is written as JSON writes it: no plus sign, no leading zero (the contract's reading). */
    @Test
    void shouldRefuseANumberWrittenOtherwiseThanJsonWritesIt() throws Exception {
        MvcResult result = perform(get(PATH + "?page=%2B2&size=025"), 400);

        assertThat(answer(result).get("Errors").valueStream().map(error -> error.get("PropertyName").asString()))
                .containsExactlyInAnyOrder("page", "size");
        verifyNoInteractions(service);
    }

    @Test
    void shouldAnswerAnotherContentType415() throws Exception {
        assertEnvelope(perform(post(PATH).contentType(MediaType.TEXT_PLAIN).content("hello"), 415), """
                {"Status": 415, "Message": "Content type 'text/plain' is not supported; send application/json.", "Value": null,
                 "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": "text/plain", "PropertyName": null,
                             "Message": "Content type 'text/plain' is not supported; send application/json."}]}
                """);
    }

    @Test
    void shouldAnswerAnotherMethod405WithTheAllowedOnes() throws Exception {
        MvcResult result = perform(patch(PATH), 405);

        assertThat(result.getResponse().getHeader("Allow")).as("always in the same order, the message's").isEqualTo("GET, POST, PUT");
        assertThat(answer(result).get("Message").asString()).isEqualTo("Method PATCH is not supported here; use GET, POST or PUT.");
    }

    @Test
    void shouldAnswerAnAcceptHeaderRefusingJson406() throws Exception {
        assertEnvelope(perform(get(PATH + "/1").accept(MediaType.APPLICATION_XML), 406), """
                {"Status": 406, "Value": null, "WasSuccessful": false,
                 "Message": "This API answers in application/json only, which the Accept header (application/xml) does not allow.",
                 "Errors": [{"AttemptedValue": "application/xml", "PropertyName": null,
                             "Message": "This API answers in application/json only, which the Accept header (application/xml) does not allow."}]}
                """);
        verifyNoInteractions(service);
    }
}
