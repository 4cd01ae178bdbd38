package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import io.emailaccounts.server.generated.model.ErrorResponse;

/**
 * The net under the handlers: a failure outside the controllers that the container sends to its error page (a
 * {@code sendError}, a filter's exception) is answered with the envelope and the status the container gave it.
 */
class ErrorPageControllerTest {

    private final ErrorPageController errorPage = new ErrorPageController();

    @Test
    void shouldAnswerTheContainersStatusWithTheEnvelope() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 414);

        ResponseEntity<Object> answer = errorPage.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(414);
        ErrorResponse envelope = (ErrorResponse) answer.getBody();
        assertThat(envelope.getWasSuccessful()).isFalse();
        assertThat(envelope.getStatus()).isEqualTo(414);
        assertThat(envelope.getErrors()).singleElement().satisfies(error -> assertThat(error.getPropertyName().orElse(null)).isNull());
        assertThat(envelope.getMessage()).isEqualTo(envelope.getErrors().get(0).getMessage()).isNotBlank();
    }

    @Test
    void shouldAnswer500WhenTheContainerGaveNoFailingStatus() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 200);

        assertThat(errorPage.error(request).getStatusCode().value()).isEqualTo(500);
        assertThat(errorPage.error(new MockHttpServletRequest("GET", "/error")).getStatusCode().value()).isEqualTo(500);
    }
}
