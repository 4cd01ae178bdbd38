package io.emailaccounts.server.web.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private final ApiContract contract;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(OpenApiFormats.dialect());
    private final Map<String, CheckedSchema> schemas = new ConcurrentHashMap<>();

    public RequestBodyValidator(ApiContract contract) {
        this.contract = contract;
    }

    /** Whether the contract has a component schema of this name. */
    public boolean knows(String schemaName) {
        return contract.componentSchema(schemaName).isPresent();
    }

    /**
     * @return the violations, one per property in the order the schema declares them; empty when the body is valid
     */
    public List<PropertyViolation> validate(String schemaName, JsonNode body) {
        if (!body.isObject()) {
            return List.of(PropertyViolation.ofRequest("The request body must be a JSON object."));
        }
        CheckedSchema schema = schemas.computeIfAbsent(schemaName, this::compile);
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

    private CheckedSchema compile(String schemaName) {
        JsonNode definition = contract.componentSchema(schemaName)
                .orElseThrow(() -> new IllegalArgumentException("The contract has no schema " + schemaName));
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + ApiContract.CLASSPATH_LOCATION
                + "#/components/schemas/" + schemaName));
        schema.initializeValidators();
        return new CheckedSchema(schema, new ValidationMessages(contract, definition));
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
