package io.emailaccounts.server.web.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import io.emailaccounts.server.error.PropertyViolation;

/** One compiled object schema of the contract and the wording of its failures: turns an instance into violations. */
final class SchemaCheck {

    private final Schema schema;
    private final ValidationMessages messages;

    SchemaCheck(Schema schema, ValidationMessages messages) {
        this.schema = schema;
        this.messages = messages;
    }

    /**
     * One violation per property, in the order the schema declares them; empty when the instance is valid. Besides the
     * contract's rules, text may not hold the NUL character, which PostgreSQL cannot store (the contract says so in
     * its overview).
     */
    List<PropertyViolation> violations(JsonNode instance) {
        List<Error> errors = schema.validate(withHugeNumbersAsIntegers(instance));
        List<String> withNul = propertiesHoldingNul(instance);
        if (errors.isEmpty() && withNul.isEmpty()) {
            return List.of();
        }
        Map<String, Error> firstErrorPerProperty = new LinkedHashMap<>();
        for (Error error : errors) {
            String property = propertyOf(error);
            Error kept = firstErrorPerProperty.get(property);
            if (kept == null || ValidationMessages.priority(error) < ValidationMessages.priority(kept)) {
                firstErrorPerProperty.put(property, error);
            }
        }
        List<PropertyViolation> violations = new ArrayList<>();
        firstErrorPerProperty.forEach((property, error) -> violations.add(messages.violation(property, instance, error)));
        withNul.stream().filter(property -> !firstErrorPerProperty.containsKey(property))
                .forEach(property -> violations.add(messages.violation(property, instance, NUL_MESSAGE)));
        violations.sort(Comparator.comparingInt(violation -> messages.position(violation.propertyName())));
        return violations;
    }

    private static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private static List<String> propertiesHoldingNul(JsonNode instance) {
        List<String> properties = new ArrayList<>(0);
        for (Map.Entry<String, JsonNode> property : instance.properties()) {
            if (property.getValue().isString() && property.getValue().asString().indexOf('\0') >= 0) {
                properties.add(property.getKey());
            }
        }
        return properties;
    }

    /**
     * The validator compares a floating-point number with an integer bound through {@code long}, which fails for
     * numbers beyond its range (1e89, -9.5e400): such values are handed to it as big integers, which it compares
     * exactly. The violations still quote what was sent.
     */
    private static JsonNode withHugeNumbersAsIntegers(JsonNode instance) {
        ObjectNode copy = null;
        for (Map.Entry<String, JsonNode> property : instance.properties()) {
            JsonNode value = property.getValue();
            if ((value.isFloatingPointNumber() || value.isBigDecimal()) && !fitsInLong(value)) {
                if (copy == null) {
                    copy = ((ObjectNode) instance).deepCopy();
                }
                copy.set(property.getKey(), asBigInteger(value));
            }
        }
        return copy == null ? instance : copy;
    }

    private static boolean fitsInLong(JsonNode number) {
        double value = number.doubleValue();
        return Double.isFinite(value) && value >= Long.MIN_VALUE && value <= Long.MAX_VALUE;
    }

    private static JsonNode asBigInteger(JsonNode number) {
        double value = number.doubleValue();
        BigInteger whole = Double.isFinite(value)
                ? new BigDecimal(value).toBigInteger()
                : BigInteger.TEN.pow(400).multiply(BigInteger.valueOf((long) Math.signum(value)));
        return JsonNodeFactory.instance.numberNode(whole);
    }

    /** The top-level property an error is about; {@code null} when it is about the instance itself. */
    private static String propertyOf(Error error) {
        if ("required".equals(error.getKeyword())) {
            return error.getProperty();
        }
        return Optional.ofNullable(error.getInstanceLocation())
                .filter(location -> location.getNameCount() > 0)
                .map(location -> String.valueOf(location.getElement(0)))
                .orElse(null);
    }
}
