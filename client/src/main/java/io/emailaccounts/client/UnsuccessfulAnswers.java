package io.emailaccounts.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hosted service answers some failures with HTTP 200 and {@code WasSuccessful: false}. Such an answer is handed to
 * the generated API as the failure it is, with the status its envelope names ({@code Status}), or 400 when that is
 * not a failure status, so it raises the same {@link ApiException} as a 400: a caller never mistakes it for success.
 */
final class UnsuccessfulAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UnsuccessfulAnswers() {
    }

    /** The answer as it is, or, when it is a 2xx that says it failed, the same answer with a failure status. */
    @SuppressWarnings("unchecked")
    static <T> HttpResponse<T> reportFailure(HttpResponse<T> response) throws IOException {
        if (response.statusCode() / 100 != 2 || !(response.body() instanceof InputStream body)
                || !response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return response;
        }
        byte[] bytes;
        try (body) {
            bytes = body.readAllBytes();
        }
        int status = failureStatus(bytes).orElse(response.statusCode());
        return new Answer<>(response, status, (T) new ByteArrayInputStream(bytes));
    }

    /** The failure status of an envelope with {@code WasSuccessful: false}; empty for anything else. */
    static Optional<Integer> failureStatus(byte[] body) {
        // Only an envelope names the flag: anything else is not parsed twice.
        if (!new String(body, StandardCharsets.UTF_8).contains("\"WasSuccessful\"")) {
            return Optional.empty();
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        JsonNode flag = envelope == null ? null : envelope.get("WasSuccessful");
        if (flag == null || !flag.isBoolean() || flag.booleanValue()) {
            return Optional.empty();
        }
        int status = envelope.path("Status").asInt(0);
        return Optional.of(status >= 400 && status <= 599 ? status : 400);
    }

    /** An answer read into memory, with its status as this client reports it. */
    private record Answer<T>(HttpResponse<T> original, int statusCode, T body) implements HttpResponse<T> {

        @Override
        public HttpRequest request() {
            return original.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return original.previousResponse();
        }

        @Override
        public HttpHeaders headers() {
            return original.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return original.sslSession();
        }

        @Override
        public URI uri() {
            return original.uri();
        }

        @Override
        public HttpClient.Version version() {
            return original.version();
        }
    }
}
