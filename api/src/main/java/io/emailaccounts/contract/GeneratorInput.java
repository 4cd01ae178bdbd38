package io.emailaccounts.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract as the server's code generator reads it: {@code api/openapi.yaml} with the search filters' naming rule
 * ({@link SearchFilter}) applied, so that the templates see, on each filter parameter, the property it compares
 * ({@code x-property}), how ({@code x-bound}: {@code EQUAL}, {@code FROM} or {@code TO}) and whether its value is a time
 * written as text ({@code x-time-text}). The templates cannot read a name; this states what the name says, and the
 * generated code names the property's typed constant. It also marks each property of the record that is derived
 * rather than stored ({@code x-derived}), as a template cannot test for an {@code x-constant} whose value is
 * {@code false}. Each operation's description ends with who may call it ({@link RoleSentences}), which the generated
 * code's documentation shows. Nothing else is changed.
 *
 * <p>Usage: {@code GeneratorInput <contract.yaml> <output.yaml>}; run by the server's and the client's builds before
 * they generate.
 */
public final class GeneratorInput {

    /** {@code x-table}: the schema of the stored record, and the table that stores it. */
    public static final String TABLE = "x-table";
    /** {@code x-bound}: how a filter compares its property, written by this class. */
    public static final String BOUND = "x-bound";
    /** {@code x-time-text}: a filter on a date-time property whose value is text ({@code 2025-01-15T10:30}), written by this class. */
    public static final String TIME_TEXT = "x-time-text";
    /** {@code x-derived}: a property of the record that is not stored ({@code x-same-as}, {@code x-constant}), written by this class. */
    public static final String DERIVED = "x-derived";
    private static final String SCHEMAS = "#/components/schemas/";

    private GeneratorInput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: GeneratorInput <contract.yaml> <output.yaml>");
        }
        ApiContract contract = ApiContract.read(Path.of(args[0]));
        annotate(contract);
        RoleSentences.addTo(contract, contract.document());
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        String written = YAMLMapper.builder().build().writeValueAsString(contract.document());
        // Written only when it changed: a generator that skips an unchanged input then skips its work.
        if (!Files.exists(output) || !Files.readString(output).equals(written)) {
            Files.writeString(output, written);
        }
    }

    /**
     * Writes, on each filter parameter of every operation, what the naming rule says of it.
     *
     * @throws IllegalStateException naming every filter whose property the record does not have, or cannot be
     *                               searched (a secret, or a constant)
     */
    static void annotate(ApiContract contract) {
        String recordSchema = recordSchema(contract);
        Map<String, ContractProperty> record = contract.properties(recordSchema);
        markDerived(contract, contract.schema(recordSchema), record);
        List<String> problems = new ArrayList<>();
        for (ApiContract.Operation operation : contract.operations()) {
            for (JsonNode parameter : operation.parameters()) {
                SearchFilter.of(parameter).ifPresent(filter -> {
                    ContractProperty property = record.get(filter.property());
                    if (property == null || property.secret() || property.constant().isPresent()) {
                        problems.add(filter.parameter() + " filters on " + filter.property() + ", which is not a searchable property"
                                + " of the record (a stored one that is not write-only; name it with " + SearchFilter.PROPERTY + ")");
                        return;
                    }
                    ObjectNode declared = (ObjectNode) parameter;
                    declared.put(SearchFilter.PROPERTY, filter.property());
                    declared.put(BOUND, filter.bound().name());
                    JsonNode schema = contract.flattened(declared.path("schema"));
                    declared.put(TIME_TEXT, "date-time".equals(property.format()) && !"date-time".equals(schema.path("format").asString("")));
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The search filters of the contract cannot be served: " + String.join("; ", problems));
        }
    }

    /**
     * Marks the record's derived properties ({@link ContractProperty#derived}) where the schema declares them: in its
     * own {@code properties} or in its {@code allOf} parts.
     */
    private static void markDerived(ApiContract contract, JsonNode schema, Map<String, ContractProperty> record) {
        String reference = schema.path("$ref").asString("");
        if (reference.startsWith(SCHEMAS)) {
            markDerived(contract, contract.schema(reference.substring(SCHEMAS.length())), record);
        }
        schema.path("properties").properties().forEach(property -> {
            if (record.containsKey(property.getKey()) && record.get(property.getKey()).derived()) {
                ((ObjectNode) property.getValue()).put(DERIVED, true);
            }
        });
        schema.path("allOf").forEach(part -> markDerived(contract, part, record));
    }

    /** The one schema marked {@code x-table}. */
    private static String recordSchema(ApiContract contract) {
        List<String> marked = contract.schemaNames().stream().filter(name -> contract.schema(name).has(TABLE)).toList();
        if (marked.size() != 1) {
            throw new IllegalStateException("The contract must mark one schema, the stored record's, with " + TABLE + "; it marks " + marked);
        }
        return marked.get(0);
    }
}
