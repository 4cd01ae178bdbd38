package io.emailaccounts.server.web.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.error.PropertyViolation;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON request body against a schema of the contract and turns every failure into one
 * {@link PropertyViolation} per property, worded for API users. The rules come from the contract alone (OpenAPI 3.0
 * schema dialect: types, {@code nullable}, formats, bounds, enums); nothing here restates them.
 */
public final class RequestBodyValidator {

    private final Map<String, SchemaCheck> schemas = new HashMap<>();
    /** The properties each body schema takes, and those of the record it may be read back as ({@code x-sent-back-from}). */
    private final Map<String, Set<String>> knownProperties = new HashMap<>();

    /** Compiles every object schema of the contract once, so that no request pays for it. */
    public RequestBodyValidator(ApiContract contract) {
        SchemaRegistry registry = SchemaRegistry.withDialect(OpenApiFormats.dialect());
        for (String name : contract.schemaNames()) {
            if ("object".equals(contract.flattened(contract.schema(name)).path("type").asString())) {
                Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + ServedContract.CLASSPATH_LOCATION
                        + "#/components/schemas/" + name));
                schema.initializeValidators();
                schemas.put(name, new SchemaCheck(schema, new ValidationMessages(contract.properties(name))));
                knownProperties.put(name, contract.knownProperties(name));
            }
        }
    }

    /**
     * The properties of a body the contract does not know, one violation each, in the body's order: neither the
     * schema's own nor those of the record a client may send back as it ({@code x-sent-back-from}). Their values are
     * not echoed: a misspelt name may carry a secret.
     */
    public List<PropertyViolation> unknownProperties(String schemaName, JsonNode body) {
        Set<String> known = knownProperties.get(schemaName);
        if (known == null || !body.isObject()) {
            return List.of();
        }
        List<PropertyViolation> unknown = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                unknown.add(new PropertyViolation(name, null,
                        "is not a property of " + schemaName + " (refused because the request asked for Prefer: handling=strict)"));
            }
        }
        return unknown;
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
