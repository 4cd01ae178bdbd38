package io.emailaccounts.contract;

import java.util.Optional;
import java.util.OptionalInt;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One property of an object schema, with the rules the contract gives it: its type, bounds and flags, and the project's
 * extensions. Made by {@link ApiContract#properties}.
 *
 * @param name        the JSON name, as the contract spells it ({@code DisplayName})
 * @param schema      its schema as one: references followed and {@code allOf} parts merged, the property's own
 *                    keywords (description, example) winning over those of the schema it refers to
 * @param required    whether the object schema lists it as required
 * @param enumeration the enum its values come from, if any
 */
public record ContractProperty(String name, ObjectNode schema, boolean required, Optional<ContractEnum> enumeration) {

    /** {@code x-same-as}: a property not stored but answered as the value of another one. */
    public static final String SAME_AS = "x-same-as";
    /** {@code x-constant}: a property not stored that always has this value. */
    public static final String CONSTANT = "x-constant";
    /** {@code x-unset-value}: a writable property that is never null; absent on create, or null, stores this. */
    public static final String UNSET_VALUE = "x-unset-value";
    /** {@code x-pattern-message}: how a value that does not match the pattern is refused, in words. */
    public static final String PATTERN_MESSAGE = "x-pattern-message";

    /** The JSON type ({@code string}, {@code integer}, ...); empty when the schema gives none. */
    public String type() {
        return schema.path("type").asString("");
    }

    /** The format ({@code int64}, {@code date-time}, {@code email}, ...); empty when the schema gives none. */
    public String format() {
        return schema.path("format").asString("");
    }

    /** The example the contract gives for it, on the property or on the schema it refers to; null is an example too. */
    public Optional<JsonNode> example() {
        return Optional.ofNullable(schema.get("example"));
    }

    public boolean nullable() {
        return schema.path("nullable").asBoolean(false);
    }

    public boolean readOnly() {
        return schema.path("readOnly").asBoolean(false);
    }

    public boolean writeOnly() {
        return schema.path("writeOnly").asBoolean(false);
    }

    /** A secret: write-only, or a password; its value is never answered nor echoed in an error. */
    public boolean secret() {
        return writeOnly() || "password".equals(format());
    }

    public boolean deprecated() {
        return schema.path("deprecated").asBoolean(false);
    }

    public OptionalInt maxLength() {
        return schema.has("maxLength") ? OptionalInt.of(schema.get("maxLength").asInt()) : OptionalInt.empty();
    }

    /** {@code x-same-as}: the property whose value this one answers, when it is not stored but derived. */
    public Optional<String> sameAs() {
        return Optional.ofNullable(schema.path(SAME_AS).asString(null));
    }

    /** {@code x-constant}: the value it always has, when it is not stored but constant. */
    public Optional<JsonNode> constant() {
        return Optional.ofNullable(schema.get(CONSTANT));
    }

    /** {@code x-unset-value}: for a writable property that is never null, the value stored for absent or null. */
    public Optional<JsonNode> unsetValue() {
        return Optional.ofNullable(schema.get(UNSET_VALUE));
    }

    /** {@code x-pattern-message}: the words for a value that does not match its pattern. */
    public Optional<String> patternMessage() {
        return Optional.ofNullable(schema.path(PATTERN_MESSAGE).asString(null));
    }

    /** Whether it is derived ({@code x-same-as}, {@code x-constant}) rather than stored. */
    public boolean derived() {
        return sameAs().isPresent() || constant().isPresent();
    }

    /** A keyword of its schema, for the rules this record has no accessor for (bounds, pattern). */
    public JsonNode keyword(String name) {
        return schema.path(name);
    }
}
