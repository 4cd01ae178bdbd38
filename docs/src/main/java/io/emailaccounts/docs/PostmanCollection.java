package io.emailaccounts.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Postman collection (format 2.1) made from the contract whole: one request per operation, with the contract's
 * examples as its parameters and body, twice: signed with HTTP Basic, and with a bearer token that the collection's
 * token request stores. The base URL and the credentials are the collection's variables. Its requests run in an order
 * that works against a server with the demo record: reads, create, update, then the delete.
 */
final class PostmanCollection {

    static final String FILE = "postman_collection.json";
    private static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> METHOD_ORDER = List.of("get", "post", "put", "delete");

    private PostmanCollection() {
    }

    static ObjectNode of(JsonNode contract) {
        ObjectNode collection = JSON.objectNode();
        ObjectNode info = collection.putObject("info");
        info.put("name", contract.path("info").path("title").asString() + " " + contract.path("info").path("version").asString());
        info.put("description", "Every operation of the contract with its examples. Set the variables baseUrl, username and "
                + "password; in the folder \"With a bearer token\", send \"Create token\" first: it stores the token.");
        info.put("schema", SCHEMA);
        collection.set("auth", auth("basic", Map.of("username", "{{username}}", "password", "{{password}}")));
        ArrayNode variables = collection.putArray("variable");
        variable(variables, "baseUrl", "http://localhost:8080");
        variable(variables, "username", "admin@example.com");
        variable(variables, "password", "");
        variable(variables, "accessToken", "");

        List<Operation> operations = operations(contract);
        ArrayNode folders = collection.putArray("item");
        ObjectNode basic = folders.addObject().put("name", "With HTTP Basic");
        ArrayNode basicItems = basic.putArray("item");
        operations.stream().filter(operation -> !operation.anonymous()).forEach(operation -> basicItems.add(request(contract, operation)));
        ObjectNode bearer = folders.addObject().put("name", "With a bearer token");
        bearer.set("auth", auth("bearer", Map.of("token", "{{accessToken}}")));
        ArrayNode bearerItems = bearer.putArray("item");
        operations.stream().filter(Operation::anonymous).forEach(operation -> bearerItems.add(tokenRequest(contract, operation)));
        operations.stream().filter(operation -> !operation.anonymous()).forEach(operation -> bearerItems.add(request(contract, operation)));
        return collection;
    }

    private record Operation(String path, String method, JsonNode node) {

        boolean anonymous() {
            JsonNode security = node.path("security");
            return security.isArray() && security.isEmpty();
        }
    }

    /** The operations, reads first, the delete last, each path in the contract's order. */
    private static List<Operation> operations(JsonNode contract) {
        List<Operation> operations = new ArrayList<>();
        contract.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHOD_ORDER.contains(method.getKey())) {
                operations.add(new Operation(path.getKey(), method.getKey(), method.getValue()));
            }
        }));
        operations.sort(Comparator.comparingInt(operation -> METHOD_ORDER.indexOf(operation.method())));
        return operations;
    }

    private static ObjectNode request(JsonNode contract, Operation operation) {
        ObjectNode item = JSON.objectNode().put("name", operation.node().path("summary").asString(operation.node().path("operationId").asString()));
        ObjectNode request = item.putObject("request");
        request.put("method", operation.method().toUpperCase(java.util.Locale.ROOT));
        request.put("description", operation.node().path("description").asString(""));
        ArrayNode headers = request.putArray("header");
        ObjectNode url = request.putObject("url");
        String path = operation.path().replaceAll("\\{([^}]+)}", ":$1");
        url.put("raw", "{{baseUrl}}" + path);
        url.putArray("host").add("{{baseUrl}}");
        ArrayNode segments = url.putArray("path");
        for (String segment : path.substring(1).split("/")) {
            segments.add(segment);
        }
        ArrayNode query = JSON.arrayNode();
        ArrayNode pathVariables = JSON.arrayNode();
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = resolve(contract, parameter);
            String example = example(resolved);
            String name = resolved.path("name").asString();
            boolean required = resolved.path("required").asBoolean(false);
            switch (resolved.path("in").asString()) {
                case "path" -> pathVariables.addObject().put("key", name).put("value", example);
                case "query" -> query.addObject().put("key", name).put("value", example)
                        .put("disabled", !required && !List.of("page", "size").contains(name));
                case "header" -> headers.addObject().put("key", name).put("value", example).put("disabled", !required);
                default -> {
                }
            }
        }
        if (!query.isEmpty()) {
            url.set("query", query);
        }
        if (!pathVariables.isEmpty()) {
            url.set("variable", pathVariables);
        }
        JsonNode json = operation.node().path("requestBody").path("content").path("application/json");
        if (!json.isMissingNode()) {
            headers.addObject().put("key", "Content-Type").put("value", "application/json");
            JsonNode body = json.has("example") ? json.get("example") : lastExample(json);
            request.putObject("body").put("mode", "raw").put("raw", body.toPrettyString())
                    .putObject("options").putObject("raw").put("language", "json");
        }
        return item;
    }

    /** The token request, signed with nothing, whose answer's access token the collection keeps for the bearer folder. */
    private static ObjectNode tokenRequest(JsonNode contract, Operation operation) {
        ObjectNode item = JSON.objectNode().put("name", operation.node().path("summary").asString("Create token"));
        ObjectNode test = item.putArray("event").addObject().put("listen", "test");
        test.putObject("script").put("type", "text/javascript").putArray("exec")
                .add("pm.collectionVariables.set('accessToken', pm.response.json().access_token);");
        ObjectNode request = item.putObject("request");
        request.put("method", operation.method().toUpperCase(java.util.Locale.ROOT));
        request.putObject("auth").put("type", "noauth");
        request.putArray("header").addObject().put("key", "Content-Type").put("value", "application/x-www-form-urlencoded");
        ObjectNode url = request.putObject("url");
        url.put("raw", "{{baseUrl}}" + operation.path());
        url.putArray("host").add("{{baseUrl}}");
        ArrayNode segments = url.putArray("path");
        for (String segment : operation.path().substring(1).split("/")) {
            segments.add(segment);
        }
        ObjectNode body = request.putObject("body").put("mode", "urlencoded");
        ArrayNode form = body.putArray("urlencoded");
        form.addObject().put("key", "grant_type").put("value", "password");
        form.addObject().put("key", "username").put("value", "{{username}}");
        form.addObject().put("key", "password").put("value", "{{password}}");
        return item;
    }

    private static JsonNode resolve(JsonNode contract, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = contract;
        for (String part : node.get("$ref").asString().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /** A parameter's example as text: its own, else its schema's; empty when it has none. */
    private static String example(JsonNode parameter) {
        JsonNode example = parameter.has("example") ? parameter.get("example") : parameter.path("schema").path("example");
        return example.isMissingNode() || example.isNull() ? "" : example.isValueNode() ? example.asString() : example.toString();
    }

    /** The value of a media type's last named example (the fullest, where the contract lists more than one). */
    private static JsonNode lastExample(JsonNode mediaType) {
        JsonNode last = JSON.objectNode();
        for (JsonNode example : mediaType.path("examples")) {
            last = example.path("value");
        }
        return last;
    }

    private static ObjectNode auth(String type, Map<String, String> values) {
        ObjectNode auth = JSON.objectNode().put("type", type);
        ArrayNode entries = auth.putArray(type);
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> entries.addObject().put("key", entry.getKey()).put("value", entry.getValue()).put("type", "string"));
        return auth;
    }

    private static void variable(ArrayNode variables, String key, String value) {
        variables.addObject().put("key", key).put("value", value);
    }
}
