package io.emailaccounts.server.emailaccount.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MvcResult;

import io.emailaccounts.server.error.CommitOutcomeUnknownException;
import io.emailaccounts.server.limits.Allowance;
import io.emailaccounts.server.limits.TooManyRequestsException;
import io.emailaccounts.server.security.OperationForbiddenException;
import io.emailaccounts.server.security.PasswordChecksBusyException;

/**
 * Each kind of failure the application-wide handler ({@code ApiExceptionHandler}) answers, met in an update: its
 * status, its headers and its envelope. The feature's own failures are {@link EmailAccountFailuresTest}'s; the guide
 * Changing the API lists every failure with its handler and its test.
 */
class ApplicationFailuresTest extends WebSliceTest {

    /** Sends an update the service fails with this failure, and returns the answer, which is JSON. */
    private MvcResult updateFailingWith(RuntimeException failure, int status) throws Exception {
        when(service.applyUpdate(anyLong(), any(), any(), any())).thenThrow(failure);
        MvcResult result = mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON)
                .content(requiredFields().put("Id", 5).toString())).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
        return result;
    }

    /** The envelope of a failure that concerns no property: one error, its message the summary. */
    private void assertEnvelope(MvcResult result, int status, String message) throws Exception {
        assertThat(answer(result)).isEqualTo(json.readTree("""
                {"Status": %d, "Message": %s, "Value": null, "WasSuccessful": false,
                 "Errors": [{"AttemptedValue": null, "Message": %s, "PropertyName": null}]}
                """.formatted(status, json.writeValueAsString(message), json.writeValueAsString(message))));
    }

    @Test
    void shouldAnswerTheWriteLimit429WithRetryAfterInWholeSeconds() throws Exception {
        MvcResult result = updateFailingWith(new TooManyRequestsException("Too many writes: 600 a minute.",
                new Allowance("writes", 600, Duration.ofMinutes(1), 0, Duration.ofMillis(6_200))), 429);

        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("7");
        // The limit's state, as draft-ietf-httpapi-ratelimit-headers writes it: none left, one more in 7 s (never
        // earlier than Retry-After).
        assertThat(result.getResponse().getHeader("RateLimit-Policy")).isEqualTo("\"writes\";q=600;w=60");
        assertThat(result.getResponse().getHeader("RateLimit")).isEqualTo("\"writes\";r=0;t=7");
        assertEnvelope(result, 429, "Too many writes: 600 a minute.");
    }

    @Test
    void shouldAnswerAnUnconfirmedCommit503SayingTheChangeMayHaveBeenWritten() throws Exception {
        MvcResult result = updateFailingWith(new CommitOutcomeUnknownException(new IllegalStateException("connection reset")), 503);

        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("2");
        assertEnvelope(result, 503, "The database did not confirm the commit: the change may or may not have been "
                + "written. Read the record before sending the request again.");
    }

    @Test
    void shouldAnswerBusyPasswordChecks503WithRetryAfter() throws Exception {
        MvcResult result = updateFailingWith(new PasswordChecksBusyException(), 503);

        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("1");
        assertEnvelope(result, 503, "Too many sign-ins are being checked at once: try again in a moment.");
    }

    @Test
    void shouldAnswerAMissingRole403NamingTheRole() throws Exception {
        MvcResult result = updateFailingWith(new OperationForbiddenException(Optional.of("EmailAccount-Edit")), 403);

        assertEnvelope(result, 403, "This operation needs a full unrestricted administrator or the EmailAccount-Edit role.");
    }

    @Test
    void shouldAnswerAWrongPassword401WithBothChallenges() throws Exception {
        MvcResult result = updateFailingWith(new BadCredentialsException("wrong"), 401);

        assertThat(result.getResponse().getHeaders("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"EmailAccounts\"", "Basic realm=\"EmailAccounts\", charset=\"UTF-8\"");
        assertEnvelope(result, 401, "The user name or password is incorrect.");
    }

    @Test
    void shouldAnswerNoCredentials401WithBothChallenges() throws Exception {
        MvcResult result = updateFailingWith(new AuthenticationCredentialsNotFoundException("none"), 401);

        assertThat(result.getResponse().getHeaders("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"EmailAccounts\"", "Basic realm=\"EmailAccounts\", charset=\"UTF-8\"");
        assertEnvelope(result, 401, "Authentication is required: send a bearer token from POST /api/token, or HTTP Basic "
                + "credentials.");
    }

    @Test
    void shouldAnswerABadToken401WithTheBearerError() throws Exception {
        MvcResult result = updateFailingWith(new InvalidBearerTokenException("expired"), 401);

        assertThat(result.getResponse().getHeaders("WWW-Authenticate")).containsExactly("Bearer realm=\"EmailAccounts\", "
                + "error=\"invalid_token\", error_description=\"The access token is invalid or has expired.\"");
        assertEnvelope(result, 401, "The access token is invalid or has expired.");
    }

    @Test
    void shouldAnswerARefusedUrl400WithoutQuotingIt() throws Exception {
        MvcResult result = updateFailingWith(new RequestRejectedException("The URL contained \"%0a\""), 400);

        assertEnvelope(result, 400, "The request URL holds characters this server refuses (such as encoded line breaks "
                + "or control characters).");
    }

    @Test
    void shouldAnswerParametersTheContainerCouldNotRead400() throws Exception {
        MvcResult result = updateFailingWith(new InvalidParameterException("malformed"), 400);

        assertEnvelope(result, 400, "The request's parameters could not be read.");
    }

    @Test
    void shouldAnswerParametersOverTheSizeLimit413() throws Exception {
        MvcResult result = updateFailingWith(new InvalidParameterException("too large", 413), 413);

        assertEnvelope(result, 413, "The request body is larger than 65536 bytes.");
    }
}
