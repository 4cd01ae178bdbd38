package io.emailaccounts.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.emailaccounts.server.error.ErrorEnvelopes;

/**
 * Replaces Spring Boot's error page for failures that happen outside the controllers (in a servlet filter, or a
 * {@code sendError} from the container), so that even those are answered with the envelope.
 */
@RestController
class ErrorPageController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value && value >= 400 && value <= 599
                ? HttpStatusCode.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return ErrorEnvelopes.response(status, HttpHeaders.EMPTY, ErrorEnvelopes.messageFor(status));
    }
}
