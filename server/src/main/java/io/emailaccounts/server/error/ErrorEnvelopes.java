package io.emailaccounts.server.error;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.emailaccounts.server.generated.model.ErrorResponse;
import io.emailaccounts.server.generated.model.PropertyError;
import io.emailaccounts.server.error.PropertyViolation;

/** Builds the API's error envelope: {@code WasSuccessful: false}, one {@code Errors} item per violation. */
public final class ErrorEnvelopes {

    private ErrorEnvelopes() {
    }

    public static ResponseEntity<Object> response(HttpStatusCode status, HttpHeaders headers, List<PropertyViolation> violations) {
        // A preset content type skips Accept negotiation: an error is always answered as JSON.
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(envelope(status, violations));
    }

    public static ResponseEntity<Object> response(HttpStatusCode status, HttpHeaders headers, String message) {
        return response(status, headers, List.of(PropertyViolation.ofRequest(message)));
    }

    /** The message of a failure known only by its status (a container-level error, an error dispatch). */
    public static String messageFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "The request failed.";
        }
        return switch (known) {
            case BAD_REQUEST -> "The request is malformed.";
            case NOT_FOUND -> "There is nothing at this path.";
            case INTERNAL_SERVER_ERROR -> "The server failed to process the request; it has been logged.";
            default -> known.getReasonPhrase() + ".";
        };
    }

    public static ErrorResponse envelope(HttpStatusCode status, List<PropertyViolation> violations) {
        List<PropertyError> errors = violations.stream()
                .map(violation -> new PropertyError()
                        .attemptedValue(violation.attemptedValue())
                        .message(violation.message())
                        .propertyName(violation.propertyName()))
                .toList();
        String message = violations.stream()
                .map(violation -> violation.propertyName() == null
                        ? violation.message()
                        : violation.propertyName() + ": " + violation.message())
                .collect(Collectors.joining("\n"));
        return new ErrorResponse()
                .status(status.value())
                .message(message)
                .value(null)
                .errors(errors)
                .wasSuccessful(false);
    }
}
