package io.emailaccounts.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
        return new Verdict(diff.isIncompatible() || !narrowed.isEmpty(), changes.isBlank() ? "(no changes)" : changes);
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
