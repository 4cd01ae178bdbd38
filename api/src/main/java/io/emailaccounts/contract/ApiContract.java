package io.emailaccounts.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document, {@code api/openapi.yaml}, as every module of this project reads it. This is the one place that
 * knows what the document's parts and the project's extensions mean: references (one resolver, guarded against
 * cycles), schemas merged from their {@code allOf} parts, properties and their rules ({@link ContractProperty}),
 * enums ({@link ContractEnum}), operations and the roles they need, search filters ({@link SearchFilter}) and the
 * examples, composed where the contract says so ({@link ContractExamples}). Other code asks it questions instead of
 * walking the raw document.
 */
public final class ApiContract {

    /** {@code x-required-role}: the role an operation needs (a full administrator may call it regardless). */
    public static final String REQUIRED_ROLE = "x-required-role";
    /** {@code x-required-role-when-present}: the role needed instead when a query parameter is present. */
    public static final String REQUIRED_ROLE_WHEN_PRESENT = "x-required-role-when-present";
    /** {@code x-sent-back-from}: a body schema that may carry the properties of the record it was read as. */
    public static final String SENT_BACK_FROM = "x-sent-back-from";
    /** {@code x-codeSamples}: the code samples of an operation the reference shows, by language. */
    public static final String CODE_SAMPLES = "x-codeSamples";
    /** {@code x-rules-stated-before}: a schema whose oneOf only states rules the released contract gave in words. */
    public static final String RULES_STATED_BEFORE = "x-rules-stated-before";
    /**
     * On a schema of a request's value: its bounds (length, range, pattern, items) only say what the server already
     * refused when the released contract did not say so; the value is the reason.
     */
    public static final String RULES_ENFORCED_BEFORE = "x-rules-enforced-before";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** More references in a row than any sound document has: a longer chain is a cycle. */
    private static final int MAX_REFERENCE_HOPS = 64;
    /** Deeper than any schema of this API nests; guards the merging of schemas that refer to themselves. */
    private static final int MAX_DEPTH = 32;

    private final JsonNode document;

    private ApiContract(JsonNode document) {
        this.document = document;
    }

    /** The contract in a YAML (or JSON) file, such as {@code api/openapi.yaml}. */
    public static ApiContract read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API contract " + file, e);
        }
    }

    /** The contract from a stream of YAML (or JSON). */
    public static ApiContract read(InputStream in) {
        return new ApiContract(YAMLMapper.builder().build().readTree(in));
    }

    /** The contract at a location of the classpath. */
    public static ApiContract fromClasspath(String location) {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("The API contract is not on the classpath at " + location);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API contract " + location, e);
        }
    }

    /** A contract read elsewhere (a test's variant of the real one). */
    public static ApiContract of(JsonNode document) {
        return new ApiContract(document);
    }

    /** The document as read; callers that need a part this class does not name read it here. */
    public JsonNode document() {
        return document;
    }

    /** {@code info.version}. */
    public String version() {
        return document.path("info").path("version").asString();
    }

    /**
     * Follows local references ({@code #/components/...}) until a node that is not one.
     *
     * @throws IllegalStateException naming the reference when it points nowhere or the references go round in a cycle
     */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String reference = current.get("$ref").asString();
            if (hops == MAX_REFERENCE_HOPS) {
                throw new IllegalStateException("The contract's references go round in a cycle at " + reference);
            }
            if (!reference.startsWith("#/")) {
                throw new IllegalStateException("The contract refers outside itself: " + reference);
            }
            current = document.at(reference.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("The contract refers to " + reference + ", which it does not have");
            }
        }
        return current;
    }

    /** The schema of that name in {@code components/schemas}; a missing node when there is none. */
    public JsonNode schema(String name) {
        return document.path("components").path("schemas").path(name);
    }

    /** The names of the schemas in {@code components/schemas}, in document order. */
    public List<String> schemaNames() {
        return List.copyOf(document.path("components").path("schemas").propertyNames());
    }

    /**
     * A schema as one: its reference followed and its {@code allOf} parts merged into it. Properties are merged (a
     * later declaration of a property wins) and required names joined; any other keyword is the schema's own, else the
     * first part's that has it (so a property's description and example win over those of the schema it refers to).
     */
    public ObjectNode flattened(JsonNode schema) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        merge(resolve(schema), result, 0);
        return result;
    }

    private void merge(JsonNode schema, ObjectNode into, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("The contract's schemas nest deeper than " + MAX_DEPTH + " allOf levels");
        }
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            if (!keyword.getKey().equals("allOf") && !keyword.getKey().equals("properties") && !keyword.getKey().equals("required")) {
                into.putIfAbsent(keyword.getKey(), keyword.getValue());
            }
        }
        for (JsonNode part : schema.path("allOf")) {
            merge(resolve(part), into, depth + 1);
        }
        if (schema.has("properties")) {
            ObjectNode properties = into.has("properties") ? (ObjectNode) into.get("properties") : into.putObject("properties");
            schema.get("properties").properties().forEach(property -> properties.set(property.getKey(), property.getValue()));
        }
        if (schema.has("required")) {
            Set<String> required = new LinkedHashSet<>();
            into.path("required").forEach(name -> required.add(name.asString()));
            schema.get("required").forEach(name -> required.add(name.asString()));
            ArrayNode names = into.putArray("required");
            required.forEach(names::add);
        }
    }

    /** The properties of an object schema, its {@code allOf} parts merged, in declaration order. */
    public Map<String, ContractProperty> properties(JsonNode schema) {
        ObjectNode merged = flattened(schema);
        Set<String> required = new LinkedHashSet<>();
        merged.path("required").forEach(name -> required.add(name.asString()));
        Map<String, ContractProperty> properties = new LinkedHashMap<>();
        merged.path("properties").properties().forEach(property -> properties.put(property.getKey(),
                new ContractProperty(property.getKey(), flattened(property.getValue()), required.contains(property.getKey()),
                        enumOf(property.getValue()))));
        return properties;
    }

    /** The properties of the named schema of {@code components/schemas}. */
    public Map<String, ContractProperty> properties(String schemaName) {
        return properties(existingSchema(schemaName));
    }

    /**
     * The properties a body of the named schema may carry: its own and, when it says {@code x-sent-back-from}, those
     * of the record a client read and sends back.
     */
    public Set<String> knownProperties(String schemaName) {
        Set<String> known = new LinkedHashSet<>(properties(schemaName).keySet());
        String sentBackFrom = flattened(existingSchema(schemaName)).path(SENT_BACK_FROM).asString(null);
        if (sentBackFrom != null) {
            known.addAll(properties(existingSchema(sentBackFrom)).keySet());
        }
        return known;
    }

    /**
     * The enum a schema declares, if it declares one: inline, or in the schema it refers to ({@code $ref}, or a single
     * {@code allOf} part, as a property that adds its own description does).
     */
    public Optional<ContractEnum> enumOf(JsonNode schema) {
        ObjectNode flat = flattened(schema);
        return flat.has("enum") ? Optional.of(ContractEnum.of(referencedName(schema).orElse(null), flat)) : Optional.empty();
    }

    /** Every enum of {@code components/schemas}, in document order. */
    public List<ContractEnum> enums() {
        List<ContractEnum> enums = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            if (schema.getValue().has("enum")) {
                enums.add(ContractEnum.of(schema.getKey(), flattened(schema.getValue())));
            }
        });
        return enums;
    }

    /** The enum schema of that name in {@code components/schemas}. */
    public ContractEnum enumNamed(String name) {
        ObjectNode flat = flattened(existingSchema(name));
        if (!flat.has("enum")) {
            throw new IllegalArgumentException("The contract's schema " + name + " is not an enum");
        }
        return ContractEnum.of(name, flat);
    }

    /** The name of the component schema a schema stands for: by {@code $ref}, or by a single {@code allOf} part. */
    private static Optional<String> referencedName(JsonNode schema) {
        JsonNode reference = schema.has("$ref") ? schema
                : schema.path("allOf").size() == 1 ? schema.get("allOf").get(0) : schema;
        String prefix = "#/components/schemas/";
        return Optional.ofNullable(reference.path("$ref").asString(null))
                .filter(ref -> ref.startsWith(prefix)).map(ref -> ref.substring(prefix.length()));
    }

    /** The schemas whose {@code oneOf} states rules the released contract gave in words, with the reason given. */
    public Map<String, String> rulesStatedBefore() {
        Map<String, String> found = new LinkedHashMap<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            if (schema.getValue().has(RULES_STATED_BEFORE)) {
                found.put(schema.getKey(), schema.getValue().get(RULES_STATED_BEFORE).asString());
            }
        });
        return found;
    }

    /** Every operation, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (HTTP_METHODS.contains(entry.getKey())) {
                    operations.add(operation(path.getKey(), entry.getKey(), path.getValue(), entry.getValue()));
                }
            }
        }
        return operations;
    }

    /** The operation with this operationId. */
    public Operation operation(String operationId) {
        return operations().stream().filter(operation -> operation.operationId().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The contract has no operation " + operationId));
    }

    private Operation operation(String path, String method, JsonNode pathItem, JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        Map<String, String> roleWhenPresent = new LinkedHashMap<>();
        operation.path(REQUIRED_ROLE_WHEN_PRESENT).properties()
                .forEach(role -> roleWhenPresent.put(role.getKey(), role.getValue().asString()));
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        return new Operation(method.toUpperCase(Locale.ROOT), path, operation.path("operationId").asString(),
                security.isArray() && security.isEmpty(), Optional.ofNullable(operation.path(REQUIRED_ROLE).asString(null)),
                roleWhenPresent, operation, List.copyOf(parameters));
    }

    /** The named schema, or a failure naming it. */
    private JsonNode existingSchema(String name) {
        JsonNode schema = schema(name);
        if (schema.isMissingNode()) {
            throw new IllegalStateException("The contract has no schema " + name);
        }
        return schema;
    }

    /**
     * One operation of the contract.
     *
     * @param method          the HTTP method, upper case
     * @param anonymous       whether it declares {@code security: []} (no credentials needed)
     * @param requiredRole    the role named by {@code x-required-role}; a full administrator may call it regardless
     * @param roleWhenPresent {@code x-required-role-when-present}: the role needed instead when a query parameter is
     *                        present (a batch read needs EmailAccount-Read, a search EmailAccount-List)
     * @param node            the operation as the document declares it
     * @param parameters      its parameters and those of its path, references followed, in document order
     */
    public record Operation(String method, String path, String operationId, boolean anonymous,
                            Optional<String> requiredRole, Map<String, String> roleWhenPresent, JsonNode node,
                            List<JsonNode> parameters) {

        /** The search filters among its query parameters, in document order. */
        public List<SearchFilter> filters() {
            return parameters.stream().map(SearchFilter::of).flatMap(Optional::stream).toList();
        }

        /** The sources of its code samples ({@code x-codeSamples}) in a language ({@code Java}, {@code Shell}, ...). */
        public List<String> codeSamples(String language) {
            List<String> sources = new ArrayList<>();
            node.path(CODE_SAMPLES).forEach(sample -> {
                if (sample.path("lang").asString().equals(language)) {
                    sources.add(sample.path("source").asString());
                }
            });
            return sources;
        }

        /** The parameter of that name, if it has one. */
        public Optional<JsonNode> parameter(String name) {
            return parameters.stream().filter(parameter -> parameter.path("name").asString().equals(name)).findFirst();
        }
    }
}
