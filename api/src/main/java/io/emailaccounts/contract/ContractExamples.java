package io.emailaccounts.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The examples of the contract, with the values of whole records composed rather than written by hand: the value of an
 * Example Object with {@code x-composed} is its schema's properties, each with its own {@code example}, so that a
 * property added with its example appears in every documented record with no further edit (the build writes the
 * result into the file as the example's {@code value}: {@link ComposedValues}).
 * {@code x-composed} may say
 * <ul>
 *   <li>{@code with}: values of a few properties that this example changes (at any depth; an array gives one element
 *       per item), the scenario it shows;</li>
 *   <li>{@code properties: required}: only the required properties of the top-level object;</li>
 *   <li>{@code schema}: the name of the schema to compose, when the media type's schema is a {@code oneOf}.</li>
 * </ul>
 * A request leaves out the read-only properties, an answer the write-only ones. A property with {@code x-same-as} has
 * the value of the property it names, one with {@code x-constant} that value. The reference site and the tests read
 * the same values from here.
 */
public final class ContractExamples {

    /** {@code x-composed}: the value of this example is composed from its schema's property examples. */
    public static final String COMPOSED = "x-composed";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 16;

    /** Whether an example is sent (a request body) or answered; each leaves out other properties. */
    public enum Direction { REQUEST, ANSWER }

    /**
     * One example of the contract.
     *
     * @param name          where it is, in words: {@code GET /api/crm/emailaccounts 200 page}, {@code ValidationFailed
     *                      requiredField}, {@code POST /api/crm/emailaccounts request salesInbox}, {@code schema
     *                      EmailServerType}, {@code schema EmailAccountFields property DisplayName}, {@code parameter
     *                      size}
     * @param pointer       the JSON pointer of the example in the document
     * @param schemaPointer the JSON pointer of the schema it illustrates
     * @param direction     whether it is sent or answered (schema, property and parameter examples count as sent)
     * @param value         its value, composed when it says {@code x-composed}
     */
    public record Example(String name, String pointer, String schemaPointer, Direction direction, JsonNode value) {
    }

    private final ApiContract contract;

    public ContractExamples(ApiContract contract) {
        this.contract = contract;
    }

    /**
     * A value of a schema made of its properties' examples.
     *
     * @param requiredOnly only the required properties of the top-level object
     * @param with         values that replace the composed ones (an object by property name, an array by item); may be null
     * @throws IllegalStateException naming the place when a value cannot be composed (a property with no example, a
     *                               {@code with} naming no property)
     */
    public JsonNode compose(JsonNode schema, Direction direction, boolean requiredOnly, JsonNode with) {
        return compose(schema, direction, requiredOnly, with, "", 0);
    }

    /** A value of the named schema of {@code components/schemas}, every property with its example. */
    public JsonNode compose(String schemaName, Direction direction) {
        return compose(contract.schema(schemaName), direction, false, null, schemaName, 0);
    }

    private JsonNode compose(JsonNode schema, Direction direction, boolean requiredOnly, JsonNode with, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException(where + ": the schema nests too deep to compose an example");
        }
        ObjectNode flat = contract.flattened(schema);
        boolean object = "object".equals(flat.path("type").asString()) || flat.has("properties");
        boolean array = "array".equals(flat.path("type").asString());
        if (with != null && !(with.isObject() && object) && !(with.isArray() && array)) {
            return with.deepCopy();
        }
        if (flat.has("example") && with == null) {
            return flat.get("example").deepCopy();
        }
        if (flat.has("oneOf") || flat.has("anyOf")) {
            throw new IllegalStateException(where + ": a oneOf has several shapes; name the one to compose in "
                    + COMPOSED + ".schema");
        }
        if (object) {
            return composeObject(flat, direction, requiredOnly, with, where, depth);
        }
        if (array) {
            ArrayNode items = NODES.arrayNode();
            if (with == null) {
                items.add(compose(flat.path("items"), direction, false, null, where + "[0]", depth + 1));
            } else {
                for (int i = 0; i < with.size(); i++) {
                    items.add(compose(flat.path("items"), direction, false, with.get(i), where + "[" + i + "]", depth + 1));
                }
            }
            return items;
        }
        throw new IllegalStateException((where.isEmpty() ? "a schema" : where) + " has no example to compose from: give it an example");
    }

    private ObjectNode composeObject(ObjectNode flat, Direction direction, boolean requiredOnly, JsonNode with, String where, int depth) {
        ObjectNode value = NODES.objectNode();
        Set<String> shown = new HashSet<>();
        Map<String, ContractProperty> properties = contract.properties(flat);
        for (ContractProperty property : properties.values()) {
            shown.add(property.name());
            boolean leftOut = direction == Direction.REQUEST ? property.readOnly() : property.writeOnly();
            if (leftOut || (requiredOnly && !property.required())) {
                continue;
            }
            JsonNode given = with == null ? null : with.get(property.name());
            String at = where.isEmpty() ? property.name() : where + "." + property.name();
            if (given == null && property.constant().isPresent()) {
                value.set(property.name(), property.constant().get().deepCopy());
            } else if (given == null && property.sameAs().isPresent()) {
                value.putNull(property.name()); // filled in below, once the property it copies is composed
            } else {
                value.set(property.name(), compose(property.schema(), direction, false, given, at, depth + 1));
            }
        }
        for (ContractProperty property : properties.values()) {
            if (value.has(property.name()) && property.sameAs().isPresent() && (with == null || !with.has(property.name()))) {
                value.set(property.name(), value.path(property.sameAs().get()).deepCopy());
            }
        }
        if (with != null) {
            for (String name : with.propertyNames()) {
                if (!shown.contains(name)) {
                    throw new IllegalStateException((where.isEmpty() ? "" : where + ": ") + COMPOSED + ".with names " + name
                            + ", which is not a property here");
                }
            }
        }
        return value;
    }

    /** The value an Example Object stands for: its {@code value}, or the one its {@code x-composed} describes. */
    public JsonNode valueOf(JsonNode exampleObject, JsonNode mediaSchema, Direction direction, String where) {
        JsonNode composed = exampleObject.get(COMPOSED);
        if (composed == null) {
            return exampleObject.get("value");
        }
        JsonNode schema = composed.has("schema")
                ? NODES.objectNode().put("$ref", "#/components/schemas/" + composed.get("schema").asString())
                : mediaSchema;
        try {
            return compose(schema, direction, "required".equals(composed.path("properties").asString()), composed.get("with"), "", 0);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The example " + where + " cannot be composed: " + e.getMessage(), e);
        }
    }

    /**
     * Every example of the contract: of request bodies and answers (composed where they say so), of schemas, of their
     * properties (those of {@code allOf} parts too) and of parameters.
     */
    public List<Example> all() {
        List<Example> examples = new ArrayList<>();
        JsonNode document = contract.document();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!operation.getValue().isObject() || operation.getKey().equals("parameters")) {
                    continue;
                }
                String operationName = operation.getKey().toUpperCase() + " " + path.getKey();
                String operationPointer = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
                JsonNode body = operation.getValue().path("requestBody");
                String bodyPointer = body.has("$ref") ? body.get("$ref").asString().substring(1) : operationPointer + "/requestBody";
                media(examples, operationName + " request", contract.resolve(body), bodyPointer, Direction.REQUEST);
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    if (!response.getValue().has("$ref")) {
                        media(examples, operationName + " " + response.getKey(), response.getValue(),
                                operationPointer + "/responses/" + escape(response.getKey()), Direction.ANSWER);
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> response : document.path("components").path("responses").properties()) {
            media(examples, response.getKey(), response.getValue(), "/components/responses/" + escape(response.getKey()), Direction.ANSWER);
        }
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            String pointer = "/components/schemas/" + escape(schema.getKey());
            if (schema.getValue().has("example")) {
                examples.add(new Example("schema " + schema.getKey(), pointer + "/example", pointer, Direction.REQUEST,
                        schema.getValue().get("example")));
            }
            properties(examples, "schema " + schema.getKey(), schema.getValue(), pointer);
        }
        for (Map.Entry<String, JsonNode> parameter : document.path("components").path("parameters").properties()) {
            String pointer = "/components/parameters/" + escape(parameter.getKey());
            JsonNode schema = parameter.getValue().path("schema");
            JsonNode example = parameter.getValue().has("example") ? parameter.getValue().get("example") : schema.get("example");
            if (example != null) {
                examples.add(new Example("parameter " + parameter.getValue().path("name").asString(),
                        pointer + (parameter.getValue().has("example") ? "/example" : "/schema/example"), pointer + "/schema",
                        Direction.REQUEST, example));
            }
        }
        return examples;
    }

    /** The document with every composed example given its value, as readers of the reference see it. */
    public JsonNode documentWithComposedValues() {
        JsonNode copy = contract.document().deepCopy();
        for (Example example : all()) {
            JsonNode node = copy.at(example.pointer());
            if (node instanceof ObjectNode exampleObject && exampleObject.has(COMPOSED)) {
                exampleObject.remove(COMPOSED);
                exampleObject.set("value", example.value());
            }
        }
        return copy;
    }

    private void media(List<Example> examples, String name, JsonNode withContent, String pointer, Direction direction) {
        for (Map.Entry<String, JsonNode> media : withContent.path("content").properties()) {
            String mediaPointer = pointer + "/content/" + escape(media.getKey());
            JsonNode schema = media.getValue().path("schema");
            if (media.getValue().has("example")) {
                examples.add(new Example(name, mediaPointer + "/example", mediaPointer + "/schema", direction,
                        media.getValue().get("example")));
            }
            for (Map.Entry<String, JsonNode> named : media.getValue().path("examples").properties()) {
                String where = name + " " + named.getKey();
                examples.add(new Example(where, mediaPointer + "/examples/" + escape(named.getKey()), mediaPointer + "/schema",
                        direction, valueOf(contract.resolve(named.getValue()), schema, direction, where)));
            }
        }
    }

    /** The examples of a schema's properties, those declared in its allOf parts included. */
    private void properties(List<Example> examples, String name, JsonNode schema, String pointer) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String propertyPointer = pointer + "/properties/" + escape(property.getKey());
            if (property.getValue().has("example")) {
                examples.add(new Example(name + " property " + property.getKey(), propertyPointer + "/example",
                        propertyPointer, Direction.REQUEST, property.getValue().get("example")));
            }
        }
        JsonNode parts = schema.path("allOf");
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).has("$ref")) {
                properties(examples, name, parts.get(i), pointer + "/allOf/" + i);
            }
        }
    }

    /** A name as one step of a JSON pointer. */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
