package io.emailaccounts.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.emailaccounts.client.model.ErrorResponse;
import io.emailaccounts.client.model.PropertyError;
import io.emailaccounts.client.model.TokenError;

/**
 * Reads the body of a failed call as the API's typed error envelope, so that callers never parse JSON by hand:
 *
 * <pre>{@code
 * try {
 *     api.updateEmailAccount(update, null);
 * } catch (ApiException e) {
 *     Map<String, String> problems = ApiErrors.propertyErrors(e); // {"DisplayName" -> "is a required field"}
 * }
 * }</pre>
 */
public final class ApiErrors {

    private static final ObjectMapper JSON = TolerantReading.objectMapper();

    private ApiErrors() {
    }

    /**
     * The error envelope ({@code WasSuccessful: false, Errors: [...]}) of a failed call; empty when the body is not
     * one (the hosted service answers its throttling 409 with an empty body, for example).
     */
    public static Optional<ErrorResponse> envelope(ApiException e) {
        return read(e, ErrorResponse.class).filter(envelope -> envelope.getErrors() != null);
    }

    /**
     * Property name to message, one entry per broken rule, in the order the server reported them; errors that concern
     * the whole request are under the empty name {@code ""}. Empty when the body is not an error envelope.
     */
    public static Map<String, String> propertyErrors(ApiException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        envelope(e).ifPresent(envelope -> {
            for (PropertyError error : envelope.getErrors()) {
                String name = error.getPropertyName() == null ? "" : error.getPropertyName();
                errors.putIfAbsent(name, error.getMessage());
            }
        });
        return errors;
    }

    /** The OAuth 2.0 error ({@code invalid_grant}, ...) of a refused {@code POST /api/token}. */
    public static Optional<TokenError> tokenError(ApiException e) {
        return read(e, TokenError.class).filter(error -> error.getError() != null);
    }

    private static <T> Optional<T> read(ApiException e, Class<T> type) {
        String body = e.getResponseBody();
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(body, type));
        } catch (JsonProcessingException notThatShape) {
            return Optional.empty();
        }
    }
}
