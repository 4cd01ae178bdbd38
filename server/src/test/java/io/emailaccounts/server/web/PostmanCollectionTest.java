package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * The Postman collection the site publishes, run as Postman runs it, folder by folder, in its order: every request
 * of both folders (HTTP Basic, and a bearer token that its token request stores) is answered 2xx by the server, with
 * the contract's examples as they are in the collection. Also served at {@code /docs/contract/postman_collection.json}.
 */
class PostmanCollectionTest extends RunningServerTest {

    private static final String COLLECTION = "META-INF/resources/docs/contract/postman_collection.json";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldAnswerEveryRequestOfTheCollection2xxInBothFolders() throws Exception {
        JsonNode collection;
        try (InputStream in = new ClassPathResource(COLLECTION).getInputStream()) {
            collection = JsonMapper.builder().build().readTree(in);
        }
        assertThat(collection.path("info").path("schema").asString()).isEqualTo("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
        Map<String, String> variables = new HashMap<>();
        collection.path("variable").forEach(variable -> variables.put(variable.path("key").asString(), variable.path("value").asString()));
        variables.put("baseUrl", baseUrl());
        variables.put("username", ADMIN);
        variables.put("password", ADMIN_PASSWORD);

        List<String> answered = new ArrayList<>();
        for (JsonNode folder : collection.path("item")) {
            records.reset();
            JsonNode folderAuth = folder.has("auth") ? folder.get("auth") : collection.get("auth");
            assertThat(folder.path("item").size()).as(folder.path("name").asString()).isGreaterThanOrEqualTo(5);
            for (JsonNode item : folder.path("item")) {
                JsonNode request = item.get("request");
                HttpResponse<String> answer = HTTP.send(request(request, request.has("auth") ? request.get("auth") : folderAuth, variables),
                        HttpResponse.BodyHandlers.ofString());
                String name = folder.path("name").asString() + ": " + item.path("name").asString();
                assertThat(answer.statusCode()).as("%s: %s", name, answer.body()).isBetween(200, 299);
                if (item.has("event")) {
                    variables.put("accessToken", RawHttp.json(answer.body()).path("access_token").asString());
                }
                answered.add(name);
            }
        }
        assertThat(answered).hasSizeGreaterThanOrEqualTo(11);
    }

    private static HttpRequest request(JsonNode request, JsonNode auth, Map<String, String> variables) {
        JsonNode url = request.get("url");
        String address = substitute(url.path("raw").asString(), variables);
        for (JsonNode pathVariable : url.path("variable")) {
            address = address.replace(":" + pathVariable.path("key").asString(), substitute(pathVariable.path("value").asString(), variables));
        }
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : url.path("query")) {
            if (!parameter.path("disabled").asBoolean(false)) {
                query.add(parameter.path("key").asString() + "=" + URLEncoder.encode(substitute(parameter.path("value").asString(), variables), StandardCharsets.UTF_8));
            }
        }
        if (!query.isEmpty()) {
            address += "?" + String.join("&", query);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(address));
        for (JsonNode header : request.path("header")) {
            if (!header.path("disabled").asBoolean(false)) {
                builder.header(header.path("key").asString(), substitute(header.path("value").asString(), variables));
            }
        }
        switch (auth.path("type").asString()) {
            case "basic" -> builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (substitute(value(auth, "basic", "username"), variables) + ":" + substitute(value(auth, "basic", "password"), variables))
                            .getBytes(StandardCharsets.UTF_8)));
            case "bearer" -> builder.header("Authorization", "Bearer " + substitute(value(auth, "bearer", "token"), variables));
            default -> {
            }
        }
        JsonNode body = request.path("body");
        String text = switch (body.path("mode").asString("")) {
            case "raw" -> substitute(body.path("raw").asString(), variables);
            case "urlencoded" -> {
                List<String> fields = new ArrayList<>();
                body.path("urlencoded").forEach(field -> fields.add(field.path("key").asString() + "="
                        + URLEncoder.encode(substitute(field.path("value").asString(), variables), StandardCharsets.UTF_8)));
                yield String.join("&", fields);
            }
            default -> null;
        };
        builder.method(request.path("method").asString(), text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text));
        return builder.build();
    }

    private static String value(JsonNode auth, String type, String key) {
        for (JsonNode entry : auth.path(type)) {
            if (entry.path("key").asString().equals(key)) {
                return entry.path("value").asString();
            }
        }
        throw new AssertionError("no " + key + " in the " + type + " auth");
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            assertThat(variables).as("the collection's variables").containsKey(variable.group(1));
            variable.appendReplacement(out, Matcher.quoteReplacement(variables.get(variable.group(1))));
        }
        return variable.appendTail(out).toString();
    }
}
