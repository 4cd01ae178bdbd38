package io.emailaccounts.server.web.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;

import io.emailaccounts.server.contract.ApiContract;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON request body against a schema of the contract and turns every failure into one
 * {@link PropertyViolation} per property, worded for API users. The rules come from the contract alone (OpenAPI 3.0
 * schema dialect: types, {@code nullable}, formats, bounds, enums); nothing here restates them.
 */
public final class RequestBodyValidator {

    private final Map<String, CheckedSchema> schemas = new HashMap<>();

    /** Compiles every object schema of the contract once, so that no request pays for it. */
    public RequestBodyValidator(ApiContract contract) {
        SchemaRegistry registry = SchemaRegistry.withDialect(OpenApiFormats.dialect());
        for (Map.Entry<String, JsonNode> component : contract.document().path("components").path("schemas").properties()) {
            if ("object".equals(component.getValue().path("type").asString())) {
                Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + ApiContract.CLASSPATH_LOCATION
                        + "#/components/schemas/" + component.getKey()));
                schema.initializeValidators();
                schemas.put(component.getKey(), new CheckedSchema(schema, new ValidationMessages(contract, component.getValue())));
            }
        }
    }

    /** Whether the contract has an object schema of this name. */
    public boolean knows(String schemaName) {
        return schemas.containsKey(schemaName);
    }

    /**
     * @return the violations, one per property in the order the schema declares them; empty when the body is valid
     */
    public List<PropertyViolation> validate(String schemaName, JsonNode body) {
        if (!body.isObject()) {
            return List.of(PropertyViolation.ofRequest("The request body must be a JSON object."));
        }
        CheckedSchema schema = schemas.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("The contract has no object schema " + schemaName);
        }
        List<Error> errors = schema.schema().validate(body);
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
        firstErrorPerProperty.forEach((property, error) -> violations.add(schema.messages().violation(property, body, error)));
        violations.sort(Comparator.comparingInt(violation -> schema.messages().position(violation.propertyName())));
        return violations;
    }

    /** The top-level property an error is about; {@code null} when it is about the body itself. */
    private static String propertyOf(Error error) {
        if ("required".equals(error.getKeyword())) {
            return error.getProperty();
        }
        return Optional.ofNullable(error.getInstanceLocation())
                .filter(location -> location.getNameCount() > 0)
                .map(location -> String.valueOf(location.getElement(0)))
                .orElse(null);
    }

    private record CheckedSchema(Schema schema, ValidationMessages messages) {
    }
}
