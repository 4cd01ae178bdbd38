package io.emailaccounts.server.web.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.SearchFilter;
import io.emailaccounts.server.error.PropertyViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the query and path parameters of a request against the operation's parameters in the contract, and reports
 * every broken one at once, named. Each operation's parameters are checked as the properties of one object, so that
 * they get the same rules and wording as body properties.
 */
public final class RequestParameterValidator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, OperationParameters> operations = new HashMap<>();

    /** Compiles the parameters of every operation once, so that no request pays for it. */
    public RequestParameterValidator(ApiContract contract) {
        SchemaRegistry registry = SchemaRegistry.withDialect(OpenApiFormats.dialect());
        for (ApiContract.Operation operation : contract.operations()) {
            if (operation.parameters().isEmpty()) {
                continue;
            }
            ObjectNode asObject = NODES.objectNode().put("type", "object");
            ObjectNode properties = asObject.putObject("properties");
            Map<String, String> types = new LinkedHashMap<>();
            for (JsonNode parameter : operation.parameters()) {
                String name = parameter.path("name").asString();
                JsonNode schema = inline(contract, parameter.path("schema"));
                properties.set(name, schema);
                types.put(name, schema.path("type").asString("string"));
                if (parameter.path("required").asBoolean(false)) {
                    asObject.withArray("required").add(name);
                }
            }
            Schema compiled = registry.getSchema(asObject);
            compiled.initializeValidators();
            operations.put(operation.operationId(),
                    new OperationParameters(types, new SchemaCheck(compiled, new ValidationMessages(contract.properties(asObject)))));
        }
    }

    /**
     * @param query the query parameters as sent
     * @param path  the path variables of the matched operation
     * @return the violations, one per parameter; empty when all are valid (or the operation has no parameters)
     */
    public List<PropertyViolation> validate(String operationId, Map<String, String[]> query, Map<String, String> path) {
        OperationParameters parameters = operations.get(operationId);
        List<PropertyViolation> violations = new ArrayList<>();
        ObjectNode instance = NODES.objectNode();
        for (Map.Entry<String, String[]> sent : query.entrySet()) {
            String name = sent.getKey();
            if (parameters == null || !parameters.types().containsKey(name)) {
                if (SearchFilter.hasFilterShape(name)) {
                    // Not echoed: an unknown parameter may carry anything, a secret included.
                    violations.add(new PropertyViolation(name, null, "is not a filter of this operation"));
                }
                continue;
            }
            if (sent.getValue().length > 1) {
                violations.add(new PropertyViolation(name, NODES.stringNode(String.join(",", sent.getValue())), "must be given once"));
                continue;
            }
            instance.set(name, typed(sent.getValue()[0], parameters.types().get(name)));
        }
        if (parameters != null) {
            path.forEach((name, value) -> instance.set(name, typed(value, parameters.types().getOrDefault(name, "string"))));
            violations.addAll(parameters.check().violations(instance));
        }
        return violations;
    }

    /** A number as JSON writes it (RFC 8259): no plus sign, no leading zero, no blanks. */
    private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /**
     * The value as the JSON the schema expects; left a string when it is not one (a number written otherwise than JSON
     * writes it included, such as +13 or 013), so that the type check names it.
     */
    private static JsonNode typed(String value, String type) {
        try {
            return switch (type) {
                case "integer" -> JSON_INTEGER.matcher(value).matches() ? NODES.numberNode(new BigInteger(value)) : NODES.stringNode(value);
                case "number" -> JSON_NUMBER.matcher(value).matches() ? NODES.numberNode(new BigDecimal(value)) : NODES.stringNode(value);
                case "boolean" -> "true".equals(value) || "false".equals(value) ? NODES.booleanNode(Boolean.parseBoolean(value)) : NODES.stringNode(value);
                default -> NODES.stringNode(value);
            };
        } catch (NumberFormatException notANumber) {
            return NODES.stringNode(value);
        }
    }

    /** A parameter schema with its references replaced by what they point to, so that it stands on its own. */
    private static JsonNode inline(ApiContract contract, JsonNode schema) {
        JsonNode resolved = contract.resolve(schema);
        if (!resolved.isObject()) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        for (Map.Entry<String, JsonNode> field : resolved.properties()) {
            if (field.getValue().isObject()) {
                copy.set(field.getKey(), inline(contract, field.getValue()));
            }
        }
        return copy;
    }

    private record OperationParameters(Map<String, String> types, SchemaCheck check) {
    }
}
