package io.emailaccounts.server.web.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;

import io.emailaccounts.contract.ContractProperty;
import io.emailaccounts.server.error.PropertyViolation;
import tools.jackson.databind.JsonNode;

/**
 * Words schema failures for API users, from the schema itself: "must be between 1 and 65535", "must be one of
 * 1 (Imap)" (the enum's values and names as {@link io.emailaccounts.contract.ContractEnum} lists them). Secret
 * properties ({@code format: password} or {@code writeOnly}) are never echoed back.
 */
final class ValidationMessages {

    static final String REQUIRED = "is a required field";

    /** Which failure of a property is reported when it breaks several rules at once: lower wins. */
    private static final List<String> KEYWORD_PRIORITY = List.of(
            "required", "type", "enum", "format", "minimum", "maximum", "minLength", "pattern", "maxLength");

    private final Map<String, ContractProperty> properties;
    private final Map<String, Integer> positions = new HashMap<>();

    /** For the properties of an object schema (its allOf parts merged), which are named in its failures. */
    ValidationMessages(Map<String, ContractProperty> properties) {
        this.properties = properties;
        properties.keySet().forEach(name -> positions.put(name, positions.size()));
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
        return violation(propertyName, body, message(properties.get(propertyName), body.path(propertyName), error));
    }

    /** A violation of a rule of this server's own, worded by the caller; a secret's value is not echoed. */
    PropertyViolation violation(String propertyName, JsonNode body, String message) {
        ContractProperty property = properties.get(propertyName);
        return new PropertyViolation(propertyName, property != null && property.secret() ? null : body.path(propertyName), message);
    }

    private static String message(ContractProperty property, JsonNode sent, Error error) {
        if (property == null) {
            return "required".equals(error.getKeyword()) ? REQUIRED : error.getMessage();
        }
        JsonNode schema = property.schema();
        boolean requiredProperty = property.required();
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
                    return property.patternMessage().orElse("must match the pattern " + schema.path("pattern").asString());
                }
                return "must be at least " + schema.path("minLength").asInt() + " characters long";
            case "maxLength":
                return "must be at most " + schema.path("maxLength").asInt() + " characters long";
            case "minimum", "maximum":
                return rangeMessage(schema);
            case "enum":
                return property.enumeration().map(values -> "must be one of " + values.describeValues()).orElse(error.getMessage());
            case "format":
                return formatMessage(schema);
            default:
                return error.getMessage();
        }
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
}
