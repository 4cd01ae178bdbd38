package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.generated.api.AuthenticationApi;
import io.emailaccounts.server.generated.model.TokenError;

/** The token endpoint's refusals that Spring MVC raises, answered in the OAuth 2.0 error format, never cached. */
class TokenEndpointFailuresTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("emailaccounts", EmailAccountsProperties.class));

    @Test
    void shouldAnswerATokenRequestWithoutItsGrantType400InTheOAuthFormat() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", AuthenticationApi.PATH_CREATE_TOKEN);

        ResponseEntity<Object> answer = handler.handleMissingServletRequestParameter(
                new MissingServletRequestParameterException("grant_type", "String"), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, new ServletWebRequest(request));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(answer.getBody()).isEqualTo(new TokenError().error(TokenError.ErrorEnum.INVALID_REQUEST)
                .errorDescription("grant_type is required."));
    }
}
