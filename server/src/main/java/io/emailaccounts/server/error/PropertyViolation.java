package io.emailaccounts.server.error;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One broken rule of a request.
 *
 * @param propertyName   the JSON name of the property, or {@code null} when the rule concerns the whole request
 * @param attemptedValue what was sent, as sent ({@code null} node when missing or secret, or when nested deeper than
 *                       {@link #MAX_ECHOED_DEPTH} levels)
 * @param message        what is wrong, without the property name
 */
public record PropertyViolation(String propertyName, JsonNode attemptedValue, String message) {

    /**
     * Values nested deeper are not echoed back: the answer stays small, and within the JSON writer's nesting limit
     * even for a value nested just under the parser's (the envelope adds its own levels around it).
     */
    public static final int MAX_ECHOED_DEPTH = 16;

    public PropertyViolation {
        attemptedValue = attemptedValue == null || attemptedValue.isMissingNode() || nestedDeeperThan(attemptedValue, MAX_ECHOED_DEPTH)
                ? NullNode.getInstance() : attemptedValue;
    }

    /** Whether arrays or objects are nested in {@code node} more than {@code levels} deep; looks no deeper than that. */
    private static boolean nestedDeeperThan(JsonNode node, int levels) {
        if (!node.isContainer()) {
            return false;
        }
        if (levels == 0) {
            return true;
        }
        for (JsonNode child : node.values()) {
            if (nestedDeeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    public static PropertyViolation ofRequest(String message) {
        return new PropertyViolation(null, null, message);
    }
}
