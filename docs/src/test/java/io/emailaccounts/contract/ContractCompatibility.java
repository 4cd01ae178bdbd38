package io.emailaccounts.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Compares a contract with an earlier one (openapi-diff, and {@link NarrowedInputs} for the narrowing openapi-diff does
 * not judge) and says what a client of the earlier one would lose.
 */
final class ContractCompatibility {

    static final Path WORKING = Path.of("..", "api", "openapi.yaml");
    static final Path RELEASED = Path.of("..", "api", "released", "openapi.yaml");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String RULES_STATED_BEFORE = "x-rules-stated-before";

    /**
     * @param breaking whether a client written against the earlier contract can break
     * @param changes  every change, by operation, as openapi-diff writes it (Markdown)
     */
    record Verdict(boolean breaking, String changes) {
    }

    private ContractCompatibility() {
    }

    static Verdict compare(String earlier, String later) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(normalized(earlier), normalized(later));
        String changes = new MarkdownRender().render(diff).replace("`PATCH`", "`PUT`");
        List<String> narrowed = NarrowedInputs.between(tree(earlier), tree(later));
        if (!narrowed.isEmpty()) {
            changes += narrowed.stream().map(line -> "- " + line).collect(Collectors.joining("\n",
                    "\n#### Inputs narrowed: requests the released contract accepts are refused now\n\n", "\n"));
        }
        List<String> lostHeaders = lostResponseHeaders(tree(earlier), tree(later));
        if (!lostHeaders.isEmpty()) {
            changes += lostHeaders.stream().map(line -> "- " + line).collect(Collectors.joining("\n",
                    "\n#### Response headers no longer promised\n\n", "\n"));
        }
        List<String> statedBefore = rulesStatedBefore(tree(later));
        if (!statedBefore.isEmpty()) {
            changes += statedBefore.stream().map(line -> "- " + line).collect(Collectors.joining("\n",
                    "\n#### Rules the released contract stated in words, now in the schema (x-rules-stated-before)\n\n", "\n"));
        }
        return new Verdict(diff.isIncompatible() || !narrowed.isEmpty() || !lostHeaders.isEmpty(),
                changes.isBlank() ? "(no changes)" : changes);
    }

    /**
     * The response headers the earlier contract marks required that the later one does not (or no longer has):
     * clients may rely on them. (A header that becomes required is a promise added, which breaks nobody;
     * openapi-diff, though, calls any change of {@code required} a break, so it compares headers without it.)
     */
    static List<String> lostResponseHeaders(JsonNode earlier, JsonNode later) {
        Map<String, JsonNode> before = responseHeaders(earlier);
        Map<String, JsonNode> after = responseHeaders(later);
        List<String> lost = new ArrayList<>();
        before.forEach((where, header) -> {
            if (header.path("required").asBoolean(false) && !after.getOrDefault(where, MissingNode.getInstance()).path("required").asBoolean(false)) {
                lost.add(where + " is no longer required");
            }
        });
        return lost;
    }

    /** Every response header, by operation (or shared response), status and name, references followed. */
    private static Map<String, JsonNode> responseHeaders(JsonNode document) {
        Map<String, JsonNode> headers = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().forEach(response -> {
                    JsonNode resolved = Schemas.resolve(document, response.getValue());
                    resolved.path("headers").properties().forEach(header -> headers.put("`" + operation.getKey().toUpperCase()
                            + "` " + path.getKey() + " " + response.getKey() + " header " + header.getKey(),
                            Schemas.resolve(document, header.getValue())));
                })));
        return headers;
    }

    /** The schemas whose {@code oneOf} restates rules the released contract gave in words, with the reason given. */
    private static List<String> rulesStatedBefore(JsonNode document) {
        List<String> found = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            if (schema.getValue().has(RULES_STATED_BEFORE)) {
                found.add(schema.getKey() + ": " + schema.getValue().get(RULES_STATED_BEFORE).asText());
            }
        });
        return found;
    }

    private static JsonNode tree(String contract) {
        try {
            return YAML.readTree(contract);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a readable contract", e);
        }
    }

    static String read(Path contract) {
        try {
            return Files.readString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract as openapi-diff should compare it: the same meaning, in the form it judges correctly. */
    private static String normalized(String contract) {
        try {
            ObjectNode document = (ObjectNode) YAML.readTree(contract);
            putAsMerge(document);
            responseHeadersWithoutRequired(document);
            withoutRulesStatedBefore(document);
            flattenObjectCompositions(document);
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a readable contract", e);
        }
    }

    /**
     * openapi-diff assumes that PUT replaces a whole record, and so calls any new request property of a PUT breaking
     * (an old client would clear it; OpenAPITools/openapi-diff#264). This API's PUT merges instead: an absent optional
     * field keeps its stored value, as the contract says. So PUT operations are compared as PATCH, which openapi-diff
     * treats as a merge.
     */
    private static void putAsMerge(ObjectNode document) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            ObjectNode item = (ObjectNode) path.getValue();
            if (item.has("put") && !item.has("patch")) {
                item.set("patch", item.remove("put"));
            }
        }
    }

    /** Response headers compared without {@code required}, which {@link #lostResponseHeaders} judges instead. */
    private static void responseHeadersWithoutRequired(ObjectNode document) {
        List<JsonNode> responses = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").forEach(responses::add)));
        document.path("components").path("responses").forEach(responses::add);
        for (JsonNode response : responses) {
            response.path("headers").forEach(header -> {
                if (header instanceof ObjectNode object) {
                    object.remove("required");
                }
            });
        }
        document.path("components").path("headers").forEach(header -> ((ObjectNode) header).remove("required"));
    }

    /**
     * A schema may say, in {@code x-rules-stated-before} with the reason, that its {@code oneOf} only restates rules
     * the released contract already gave in words (and the server already applied), such as which fields each grant
     * type of the token request needs: that oneOf is left out of the comparison, and the verdict lists it.
     */
    private static void withoutRulesStatedBefore(ObjectNode document) {
        document.path("components").path("schemas").forEach(schema -> {
            if (schema.has(RULES_STATED_BEFORE)) {
                ((ObjectNode) schema).remove("oneOf");
            }
        });
    }

    /**
     * An allOf of object schemas means the object with all their properties and required names; openapi-diff,
     * though, calls a flat schema turned into such an allOf a changed type. So named schemas made of an allOf of
     * objects are compared in their merged form.
     */
    private static void flattenObjectCompositions(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            if (schema.getValue().has("allOf")) {
                ObjectNode merged = Schemas.flattened(document, schema.getValue());
                merged.put("type", "object");
                ((ObjectNode) schemas).set(schema.getKey(), merged);
            }
        }
    }
}
