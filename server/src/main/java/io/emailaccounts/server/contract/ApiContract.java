package io.emailaccounts.server.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document this server implements, read once from the classpath. The server takes from it what it must
 * not restate by hand: the request schemas it validates bodies against and the role each operation needs.
 */
public final class ApiContract {

    /** Where the build puts {@code api/openapi.yaml}; also served at {@code /openapi.yaml}. */
    public static final String CLASSPATH_LOCATION = "static/openapi.yaml";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;

    private ApiContract(JsonNode document) {
        this.document = document;
    }

    public static ApiContract load() {
        try (InputStream in = new ClassPathResource(CLASSPATH_LOCATION).getInputStream()) {
            return new ApiContract(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API contract " + CLASSPATH_LOCATION, e);
        }
    }

    /** A contract read elsewhere (a test's variant of the served one). */
    public static ApiContract of(JsonNode document) {
        return new ApiContract(document);
    }

    public JsonNode document() {
        return document;
    }

    /** Follows a local {@code $ref} such as {@code #/components/schemas/EmailServerType}. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    /** The properties of an object schema, its {@code allOf} parts merged (a later declaration wins), in declaration order. */
    public Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode resolved = resolve(schema);
        resolved.path("allOf").forEach(part -> properties.putAll(properties(part)));
        resolved.path("properties").properties().forEach(property -> properties.put(property.getKey(), property.getValue()));
        return properties;
    }

    /** Every operation, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (HTTP_METHODS.contains(entry.getKey())) {
                    JsonNode operation = entry.getValue();
                    JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
                    Map<String, String> roleWhenPresent = new LinkedHashMap<>();
                    operation.path("x-required-role-when-present").properties()
                            .forEach(role -> roleWhenPresent.put(role.getKey(), role.getValue().asString()));
                    operations.add(new Operation(HttpMethod.valueOf(entry.getKey().toUpperCase()), path.getKey(),
                            operation.path("operationId").asString(),
                            security.isArray() && security.isEmpty(),
                            Optional.ofNullable(operation.path("x-required-role").asString(null)),
                            roleWhenPresent));
                }
            }
        }
        return operations;
    }

    /**
     * One operation of the contract.
     *
     * @param anonymous       whether it declares {@code security: []} (no credentials needed)
     * @param requiredRole    the role named by {@code x-required-role}; a full administrator may call it regardless
     * @param roleWhenPresent {@code x-required-role-when-present}: the role needed instead when a query parameter is
     *                        present (a batch read needs EmailAccount-Read, a search EmailAccount-List)
     */
    public record Operation(HttpMethod method, String path, String operationId, boolean anonymous,
                            Optional<String> requiredRole, Map<String, String> roleWhenPresent) {
    }
}
