package io.emailaccounts.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a later contract refuses that the earlier one accepted, where openapi-diff does not judge it: a raised minimum
 * or lowered maximum, a longer minimum length, a new or changed pattern, a value that may no longer be null, fewer
 * items allowed. Each is a request a client of the earlier contract may send and now sees refused. Request bodies and
 * parameters of the operations both contracts have are compared, property by property.
 */
final class NarrowedInputs {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    /** Deeper than any schema of this API; guards against a schema that refers to itself. */
    private static final int MAX_DEPTH = 12;

    private final ApiContract earlier;
    private final ApiContract later;
    private final List<String> found = new ArrayList<>();

    private NarrowedInputs(ApiContract earlier, ApiContract later) {
        this.earlier = earlier;
        this.later = later;
    }

    /** One line per narrowed input, such as "`PUT` /api/crm/emailaccounts body IncomingServerPort: maximum 65535 -> 1000". */
    static List<String> between(ApiContract earlier, ApiContract later) {
        NarrowedInputs check = new NarrowedInputs(earlier, later);
        check.operations();
        return List.copyOf(check.found);
    }

    private void operations() {
        for (Map.Entry<String, JsonNode> path : later.document().path("paths").properties()) {
            JsonNode before = earlier.document().path("paths").path(path.getKey());
            for (String method : METHODS) {
                if (before.has(method) && path.getValue().has(method)) {
                    String operation = "`" + method.toUpperCase() + "` " + path.getKey();
                    parameters(operation, before, path.getValue(), method);
                    body(operation, before.get(method), path.getValue().get(method));
                }
            }
        }
    }

    private void parameters(String operation, JsonNode pathBefore, JsonNode pathAfter, String method) {
        Map<String, JsonNode> before = parametersOf(earlier, pathBefore, method);
        Map<String, JsonNode> after = parametersOf(later, pathAfter, method);
        after.forEach((key, parameter) -> {
            if (before.containsKey(key)) {
                compare(operation + " parameter " + parameter.path("name").asString(),
                        before.get(key).path("schema"), earlier, parameter.path("schema"), later, 0);
            }
        });
    }

    /** The parameters of an operation, the path's own included, by location and name. */
    private static Map<String, JsonNode> parametersOf(ApiContract contract, JsonNode pathItem, String method) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        List<JsonNode> declared = new ArrayList<>();
        pathItem.path("parameters").forEach(declared::add);
        pathItem.path(method).path("parameters").forEach(declared::add);
        for (JsonNode parameter : declared) {
            JsonNode resolved = contract.resolve(parameter);
            parameters.put(resolved.path("in").asString() + ":" + resolved.path("name").asString(), resolved);
        }
        return parameters;
    }

    private void body(String operation, JsonNode before, JsonNode after) {
        JsonNode contentBefore = earlier.resolve(before.path("requestBody")).path("content");
        JsonNode contentAfter = later.resolve(after.path("requestBody")).path("content");
        for (Map.Entry<String, JsonNode> mediaType : contentAfter.properties()) {
            if (contentBefore.has(mediaType.getKey())) {
                compare(operation + " body", contentBefore.get(mediaType.getKey()).path("schema"), earlier,
                        mediaType.getValue().path("schema"), later, 0);
            }
        }
    }

    private void compare(String where, JsonNode before, ApiContract beforeDocument, JsonNode after, ApiContract afterDocument,
                         int depth) {
        if (depth > MAX_DEPTH || before.isMissingNode() || after.isMissingNode()) {
            return;
        }
        ObjectNode was = beforeDocument.flattened(before);
        ObjectNode is = afterDocument.flattened(after);

        lowerBound(where, "minimum", was, is);
        upperBound(where, "maximum", was, is);
        if (!was.path("exclusiveMinimum").asBoolean() && is.path("exclusiveMinimum").asBoolean()) {
            report(where, "the minimum is now exclusive");
        }
        if (!was.path("exclusiveMaximum").asBoolean() && is.path("exclusiveMaximum").asBoolean()) {
            report(where, "the maximum is now exclusive");
        }
        lowerBound(where, "minLength", was, is);
        upperBound(where, "maxLength", was, is);
        lowerBound(where, "minItems", was, is);
        upperBound(where, "maxItems", was, is);
        if (is.has("pattern") && !Objects.equals(was.path("pattern").asString(null), is.get("pattern").asString())) {
            report(where, was.has("pattern")
                    ? "pattern " + was.get("pattern").asString() + " -> " + is.get("pattern").asString()
                    : "new pattern " + is.get("pattern").asString());
        }
        if (was.path("nullable").asBoolean() && !is.path("nullable").asBoolean()) {
            report(where, "null is no longer accepted");
        }

        JsonNode propertiesBefore = was.path("properties");
        for (Map.Entry<String, JsonNode> property : is.path("properties").properties()) {
            if (propertiesBefore.has(property.getKey())) {
                compare(where + " " + property.getKey(), propertiesBefore.get(property.getKey()), beforeDocument,
                        property.getValue(), afterDocument, depth + 1);
            }
        }
        compare(where + "[]", was.path("items"), beforeDocument, is.path("items"), afterDocument, depth + 1);
    }

    private void lowerBound(String where, String keyword, JsonNode was, JsonNode is) {
        if (is.has(keyword) && (!was.has(keyword) || is.get(keyword).decimalValue().compareTo(was.get(keyword).decimalValue()) > 0)) {
            report(where, keyword + " " + (was.has(keyword) ? was.get(keyword).asString() : "(none)") + " -> " + is.get(keyword).asString());
        }
    }

    private void upperBound(String where, String keyword, JsonNode was, JsonNode is) {
        if (is.has(keyword) && (!was.has(keyword) || is.get(keyword).decimalValue().compareTo(was.get(keyword).decimalValue()) < 0)) {
            report(where, keyword + " " + (was.has(keyword) ? was.get(keyword).asString() : "(none)") + " -> " + is.get(keyword).asString());
        }
    }

    private void report(String where, String change) {
        found.add(where + ": " + change);
    }
}
