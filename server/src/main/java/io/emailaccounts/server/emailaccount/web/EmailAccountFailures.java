package io.emailaccounts.server.emailaccount.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.emailaccounts.server.emailaccount.service.BusinessForbiddenException;
import io.emailaccounts.server.emailaccount.service.EmailAccountNotFoundException;
import io.emailaccounts.server.emailaccount.service.IdempotencyKeyInFlightException;
import io.emailaccounts.server.emailaccount.service.IdempotencyKeyReusedException;
import io.emailaccounts.server.emailaccount.service.VersionChangedException;
import io.emailaccounts.server.error.ErrorEnvelopes;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.web.RequestPath;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The failures of the EmailAccount rules as answers, each in the error envelope with its status. Consulted before the
 * application-wide advice, whose catch-all would otherwise answer them 500.
 */
@RestControllerAdvice
@Order(RequestPath.FEATURE_FAILURES)
class EmailAccountFailures {

    /** A create takes milliseconds: by then the first request with the key has its answer. */
    static final long KEY_IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

    @ExceptionHandler
    ResponseEntity<Object> onNotFound(EmailAccountNotFoundException e) {
        return ErrorEnvelopes.response(HttpStatus.NOT_FOUND, HttpHeaders.EMPTY,
                List.of(new PropertyViolation("Id", JsonNodeFactory.instance.numberNode(e.id()), e.getMessage())));
    }

    /** 412 with the record's current version as ETag; the If-Match sent is echoed as the attempted value. */
    @ExceptionHandler
    ResponseEntity<Object> onVersionChanged(VersionChangedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(EntityTags.of(e.currentVersion()));
        String sent = request.getHeader(HttpHeaders.IF_MATCH);
        return ErrorEnvelopes.response(HttpStatus.PRECONDITION_FAILED, headers, List.of(new PropertyViolation("Id",
                sent == null ? null : JsonNodeFactory.instance.stringNode(sent), e.getMessage())));
    }

    /** 409 with Retry-After: the first request with the key is still being processed; its answer comes soon. */
    @ExceptionHandler
    ResponseEntity<Object> onKeyInFlight(IdempotencyKeyInFlightException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(KEY_IN_FLIGHT_RETRY_AFTER_SECONDS));
        return ErrorEnvelopes.response(HttpStatus.CONFLICT, headers,
                List.of(new PropertyViolation(IdempotencyKeyHeader.NAME, null, e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> onKeyReused(IdempotencyKeyReusedException e) {
        return ErrorEnvelopes.response(HttpStatus.UNPROCESSABLE_CONTENT, HttpHeaders.EMPTY,
                List.of(new PropertyViolation(IdempotencyKeyHeader.NAME, null, e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> onOtherBusiness(BusinessForbiddenException e) {
        return ErrorEnvelopes.response(HttpStatus.FORBIDDEN, HttpHeaders.EMPTY,
                List.of(new PropertyViolation("BusinessId", JsonNodeFactory.instance.numberNode(e.businessId()), e.getMessage())));
    }
}
