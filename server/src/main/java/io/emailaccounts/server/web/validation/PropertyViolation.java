package io.emailaccounts.server.web.validation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One broken rule of a request.
 *
 * @param propertyName   the JSON name of the property, or {@code null} when the rule concerns the whole request
 * @param attemptedValue what was sent, as sent ({@code null} node when missing or secret)
 * @param message        what is wrong, without the property name
 */
public record PropertyViolation(String propertyName, JsonNode attemptedValue, String message) {

    public PropertyViolation {
        attemptedValue = attemptedValue == null || attemptedValue.isMissingNode() ? NullNode.getInstance() : attemptedValue;
    }

    public static PropertyViolation ofRequest(String message) {
        return new PropertyViolation(null, null, message);
    }
}
