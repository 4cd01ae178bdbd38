package io.emailaccounts.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Compares a contract with an earlier one (openapi-diff) and says what a client of the earlier one would lose. */
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
        ChangedOpenApi diff = OpenApiCompare.fromContents(putAsMerge(earlier), putAsMerge(later));
        String changes = new MarkdownRender().render(diff).replace("`PATCH`", "`PUT`");
        return new Verdict(diff.isIncompatible(), changes.isBlank() ? "(no changes)" : changes);
    }

    static String read(Path contract) {
        try {
            return Files.readString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * openapi-diff assumes that PUT replaces a whole record, and so calls any new request property of a PUT breaking
     * (an old client would clear it; OpenAPITools/openapi-diff#264). This API's PUT merges instead: an absent optional
     * field keeps its stored value, as the contract says. So PUT operations are compared as PATCH, which openapi-diff
     * treats as a merge; nothing else changes.
     */
    private static String putAsMerge(String contract) {
        try {
            JsonNode document = YAML.readTree(contract);
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                ObjectNode item = (ObjectNode) path.getValue();
                if (item.has("put") && !item.has("patch")) {
                    item.set("patch", item.remove("put"));
                }
            }
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a readable contract", e);
        }
    }
}
