package io.emailaccounts.contract;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading schemas of an OpenAPI document as the constraints they put on a value: references followed, allOf merged. */
final class Schemas {

    /** Deeper than any schema of this API; guards against a schema that refers to itself. */
    private static final int MAX_DEPTH = 12;

    private Schemas() {
    }

    /** Follows local references ({@code #/components/...}) until a node that is not one. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < MAX_DEPTH; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /**
     * A schema as one: its reference followed and its allOf parts merged into it, so that the result has every
     * property and required name of the parts; for any other keyword the schema's own value, then the first part's.
     */
    static ObjectNode flattened(JsonNode document, JsonNode schema) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        merge(document, resolve(document, schema), result, 0);
        return result;
    }

    private static void merge(JsonNode document, JsonNode schema, ObjectNode into, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            switch (keyword.getKey()) {
                case "allOf" -> keyword.getValue().forEach(part -> merge(document, resolve(document, part), into, depth + 1));
                case "properties" -> {
                    ObjectNode properties = into.has("properties") ? (ObjectNode) into.get("properties") : into.putObject("properties");
                    keyword.getValue().properties().forEach(property -> properties.set(property.getKey(), property.getValue()));
                }
                case "required" -> {
                    ArrayNode required = into.has("required") ? (ArrayNode) into.get("required") : into.putArray("required");
                    keyword.getValue().forEach(required::add);
                }
                default -> into.putIfAbsent(keyword.getKey(), keyword.getValue());
            }
        }
    }
}
