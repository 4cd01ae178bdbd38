package io.emailaccounts.server.web.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;

import io.emailaccounts.server.contract.ApiContract;
import io.emailaccounts.server.error.PropertyViolation;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON request body against a schema of the contract and turns every failure into one
 * {@link PropertyViolation} per property, worded for API users. The rules come from the contract alone (OpenAPI 3.0
 * schema dialect: types, {@code nullable}, formats, bounds, enums); nothing here restates them.
 */
public final class RequestBodyValidator {

    private final Map<String, SchemaCheck> schemas = new HashMap<>();

    /** Compiles every object schema of the contract once, so that no request pays for it. */
    public RequestBodyValidator(ApiContract contract) {
        SchemaRegistry registry = SchemaRegistry.withDialect(OpenApiFormats.dialect());
        for (Map.Entry<String, JsonNode> component : contract.document().path("components").path("schemas").properties()) {
            JsonNode definition = component.getValue();
            if ("object".equals(definition.path("type").asString()) || definition.has("allOf")) {
                Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + ApiContract.CLASSPATH_LOCATION
                        + "#/components/schemas/" + component.getKey()));
                schema.initializeValidators();
                schemas.put(component.getKey(), new SchemaCheck(schema, new ValidationMessages(contract, definition)));
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
        SchemaCheck schema = schemas.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("The contract has no object schema " + schemaName);
        }
        return schema.violations(body);
    }
}
