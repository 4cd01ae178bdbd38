package io.emailaccounts.server.web.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;

import tools.jackson.databind.JsonNode;

/** One compiled object schema of the contract and the wording of its failures: turns an instance into violations. */
final class SchemaCheck {

    private final Schema schema;
    private final ValidationMessages messages;

    SchemaCheck(Schema schema, ValidationMessages messages) {
        this.schema = schema;
        this.messages = messages;
    }

    /** One violation per property, in the order the schema declares them; empty when the instance is valid. */
    List<PropertyViolation> violations(JsonNode instance) {
        List<Error> errors = schema.validate(instance);
        if (errors.isEmpty()) {
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
        violations.sort(Comparator.comparingInt(violation -> messages.position(violation.propertyName())));
        return violations;
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
