package io.emailaccounts.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Plain HTTP requests, for what the generated client cannot send: wrong bodies, wrong methods, wrong headers. */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public RawHttp basicAuth(String username, String password) {
        headers.put("Authorization", basicAuthorization(username, password));
        return this;
    }

    /** The Authorization header's value for HTTP Basic. */
    public static String basicAuthorization(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp bearer(String token) {
        headers.put("Authorization", "Bearer " + token);
        return this;
    }

    public RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response postForm(String path, String form) {
        return send("POST", path, "application/x-www-form-urlencoded", form);
    }

    public Response send(String method, String path, String contentType, String body) {
        return exchange(method, path, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends the body without a Content-Length (chunked), so that the server learns its size only by reading it. */
    public Response sendChunked(String method, String path, String contentType, String body) {
        return exchange(method, path, contentType, HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response exchange(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The error envelope of a failure of the whole request: one Errors item, with no property and nothing echoed. */
    public static JsonNode requestErrorEnvelope(int status, String message) {
        return requestErrorEnvelope(status, message, null);
    }

    /** The error envelope of a failure of the whole request, echoing what was sent ({@code null} for nothing). */
    public static JsonNode requestErrorEnvelope(int status, String message, String attemptedValue) {
        ObjectNode envelope = JSON.createObjectNode().put("Status", status).put("Message", message).putNull("Value")
                .put("WasSuccessful", false);
        envelope.putArray("Errors").addObject().put("AttemptedValue", attemptedValue).put("Message", message).putNull("PropertyName");
        return envelope;
    }

    /** An answer, with its body readable as JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public java.util.List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
