package io.emailaccounts.server.web.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;

import io.emailaccounts.server.contract.ApiContract;
import io.emailaccounts.server.error.PropertyViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Words schema failures for API users, from the schema itself: "must be between 1 and 65535", "must be one of
 * 1 (Imap)". Secret properties ({@code format: password} or {@code writeOnly}) are never echoed back.
 */
final class ValidationMessages {

    static final String REQUIRED = "is a required field";

    /** Which failure of a property is reported when it breaks several rules at once: lower wins. */
    private static final List<String> KEYWORD_PRIORITY = List.of(
            "required", "type", "enum", "format", "minimum", "maximum", "minLength", "pattern", "maxLength");

    private final Map<String, JsonNode> properties = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Set<String> required = new HashSet<>();

    /** For an object schema, or an allOf of object schemas, whose properties are named in its failures. */
    ValidationMessages(ApiContract contract, JsonNode objectSchema) {
        collect(contract, objectSchema);
    }

    private void collect(ApiContract contract, JsonNode objectSchema) {
        JsonNode schema = contract.resolve(objectSchema);
        for (JsonNode part : schema.path("allOf")) {
            collect(contract, part);
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            properties.put(property.getKey(), flatten(contract, property.getValue()));
            positions.putIfAbsent(property.getKey(), positions.size());
        }
        schema.path("required").forEach(name -> required.add(name.asString()));
    }

    static int priority(Error error) {
        int index = KEYWORD_PRIORITY.indexOf(error.getKeyword());
        return index < 0 ? KEYWORD_PRIORITY.size() : index;
    }

    /** Where the schema declares the property; unknown names and the body itself come first. */
    int position(String propertyName) {
        return propertyName == null ? -1 : positions.getOrDefault(propertyName, -1);
    }

    PropertyViolation violation(String propertyName, JsonNode body, Error error) {
        if (propertyName == null) {
            return PropertyViolation.ofRequest(error.getMessage());
        }
        JsonNode sent = body.path(propertyName);
        JsonNode schema = properties.getOrDefault(propertyName, NullNode.getInstance());
        return violation(propertyName, body, message(propertyName, sent, schema, error));
    }

    /** A violation of a rule of this server's own, worded by the caller; a secret's value is not echoed. */
    PropertyViolation violation(String propertyName, JsonNode body, String message) {
        JsonNode schema = properties.getOrDefault(propertyName, NullNode.getInstance());
        return new PropertyViolation(propertyName, isSecret(schema) ? null : body.path(propertyName), message);
    }

    private String message(String propertyName, JsonNode sent, JsonNode schema, Error error) {
        boolean requiredProperty = required.contains(propertyName);
        switch (error.getKeyword()) {
            case "required":
                return REQUIRED;
            case "type":
                return requiredProperty && sent.isNull() ? REQUIRED : "must be " + typeName(schema);
            case "minLength", "pattern":
                if (requiredProperty && sent.isString() && sent.asString().isBlank()) {
                    return REQUIRED;
                }
                if ("pattern".equals(error.getKeyword())) {
                    return schema.hasNonNull("x-pattern-message")
                            ? schema.get("x-pattern-message").asString()
                            : "must match the pattern " + schema.path("pattern").asString();
                }
                return "must be at least " + schema.path("minLength").asInt() + " characters long";
            case "maxLength":
                return "must be at most " + schema.path("maxLength").asInt() + " characters long";
            case "minimum", "maximum":
                return rangeMessage(schema);
            case "enum":
                return enumMessage(schema);
            case "format":
                return formatMessage(schema);
            default:
                return error.getMessage();
        }
    }

    private static boolean isSecret(JsonNode schema) {
        return "password".equals(schema.path("format").asString()) || schema.path("writeOnly").asBoolean(false);
    }

    private static String typeName(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "string" -> "a string";
            case "array" -> "an array";
            case "object" -> "a JSON object";
            default -> "of the type the schema declares";
        };
    }

    private static String rangeMessage(JsonNode schema) {
        boolean hasMinimum = schema.has("minimum");
        boolean hasMaximum = schema.has("maximum");
        if (hasMinimum && hasMaximum) {
            return "must be between " + schema.get("minimum").asString() + " and " + schema.get("maximum").asString();
        }
        return hasMinimum
                ? "must be " + schema.get("minimum").asString() + " or more"
                : "must be " + schema.get("maximum").asString() + " or less";
    }

    /** For a number beyond what its format can hold: the declared bounds, else the format's own. */
    private static String rangeMessage(JsonNode schema, long formatMin, long formatMax) {
        String min = schema.has("minimum") ? schema.get("minimum").asString() : String.valueOf(formatMin);
        String max = schema.has("maximum") ? schema.get("maximum").asString() : String.valueOf(formatMax);
        return "must be between " + min + " and " + max;
    }

    private static String enumMessage(JsonNode schema) {
        List<String> choices = new ArrayList<>();
        JsonNode names = schema.path("x-enum-varnames");
        for (int i = 0; i < schema.path("enum").size(); i++) {
            String value = schema.path("enum").get(i).asString();
            choices.add(names.has(i) ? value + " (" + names.get(i).asString() + ")" : value);
        }
        return "must be one of " + String.join(", ", choices);
    }

    private static String formatMessage(JsonNode schema) {
        return switch (schema.path("format").asString()) {
            case "email" -> "must be a valid e-mail address";
            case "date-time" -> "must be a date-time in ISO 8601 format with an offset, such as 2025-01-15T10:30:00Z";
            case "date" -> "must be a date in ISO 8601 format, such as 2025-01-15";
            case "uuid" -> "must be a UUID";
            case "int32" -> rangeMessage(schema, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "int64" -> rangeMessage(schema, Long.MIN_VALUE, Long.MAX_VALUE);
            default -> "must be in the format " + schema.path("format").asString();
        };
    }

    /**
     * A property's schema with its {@code allOf: [$ref]} wrapper and references resolved into one node, so that the
     * messages see the enum values and bounds wherever the contract declares them.
     */
    private static JsonNode flatten(ApiContract contract, JsonNode propertySchema) {
        JsonNode resolved = contract.resolve(propertySchema);
        if (!resolved.has("allOf")) {
            return resolved;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (JsonNode part : resolved.get("allOf")) {
            merged.setAll((ObjectNode) flatten(contract, part));
        }
        resolved.properties().forEach(entry -> {
            if (!"allOf".equals(entry.getKey())) {
                merged.set(entry.getKey(), entry.getValue());
            }
        });
        return merged;
    }
}
