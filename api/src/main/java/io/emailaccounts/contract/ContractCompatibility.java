package io.emailaccounts.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Compares a contract with an earlier one (openapi-diff, and {@link NarrowedInputs} for the narrowing openapi-diff does
 * not judge) and says what a client of the earlier one would lose. Where the contract says more than openapi-diff
 * reads (a PUT that merges, open enums, headers newly promised, rules stated before), the comparison follows the
 * contract.
 */
final class ContractCompatibility {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * @param breaking whether a client written against the earlier contract can break
     * @param changes  every change, by operation, as openapi-diff writes it (Markdown), each that breaks clients marked
     */
    record Verdict(boolean breaking, String changes) {
    }

    private ContractCompatibility() {
    }

    static Verdict compare(String earlier, String later) {
        ApiContract before = ApiContract.of(tree(earlier));
        ApiContract after = ApiContract.of(tree(later));
        ObjectNode comparedBefore = tree(earlier);
        List<String> addedToOpenEnums = valuesAddedToOpenEnums(before, after, comparedBefore);
        ObjectNode comparedLater = tree(later);
        List<String> enforcedBefore = withRulesEnforcedBeforeAsTheyWere(comparedLater, tree(earlier), "");
        List<String> secrets = withPasswordFormatsAsTheyWere(comparedLater, tree(earlier), "");
        ChangedOpenApi diff = OpenApiCompare.fromContents(normalized(comparedBefore), normalized(comparedLater.deepCopy()));
        String changes = new MarkedChangesRender().render(diff).replace("`PATCH`", "`PUT`");
        List<String> narrowed = NarrowedInputs.between(before, ApiContract.of(comparedLater));
        changes += section("Inputs narrowed: requests the released contract accepts are refused now", marked(narrowed));
        List<String> lostHeaders = lostResponseHeaders(before, after);
        changes += section("Response headers no longer promised", marked(lostHeaders));
        List<String> renamed = renamedEnumValues(before, after);
        changes += section("Enum values renamed or renumbered: the clients' constants change meaning", marked(renamed));
        changes += section("Values added to open enums (x-open-enum): readers expect values they do not know", addedToOpenEnums);
        changes += section("Rules the released contract stated in words, now in the schema (x-rules-stated-before)",
                after.rulesStatedBefore().entrySet().stream().map(rule -> rule.getKey() + ": " + rule.getValue()).toList());
        changes += section("Bounds the server already enforced, now in the schema (x-rules-enforced-before)", enforcedBefore);
        changes += section("Strings marked or no longer marked as secrets (format: password): a hint to hide them, "
                + "the values unchanged", secrets);
        return new Verdict(diff.isIncompatible() || !narrowed.isEmpty() || !lostHeaders.isEmpty() || !renamed.isEmpty(),
                changes.isBlank() ? "(no changes)" : changes);
    }

    /** Changes that break clients, each marked so where the changelog lists it. */
    private static List<String> marked(List<String> breaking) {
        return breaking.stream().map(line -> MarkedChangesRender.MARK + line).toList();
    }

    private static String section(String title, List<String> lines) {
        return lines.isEmpty() ? "" : lines.stream().map(line -> "- " + line)
                .collect(Collectors.joining("\n", "\n#### " + title + "\n\n", "\n"));
    }

    /**
     * The values the later contract adds to an enum it declares open: a reader of an open enum expects values it does
     * not know, so an added value breaks no client (openapi-diff, which assumes readers that refuse an unknown value,
     * would call an added value in an answer breaking). Those values are put in {@code comparedBefore}, the earlier
     * contract as openapi-diff is to see it, so that it judges the rest. A removed value is left to openapi-diff.
     */
    static List<String> valuesAddedToOpenEnums(ApiContract earlier, ApiContract later, ObjectNode comparedBefore) {
        List<String> added = new ArrayList<>();
        for (ContractEnum enumeration : later.enums()) {
            JsonNode previous = comparedBefore.path("components").path("schemas").path(enumeration.schemaName());
            if (!enumeration.open() || !previous.has("enum")) {
                continue;
            }
            ContractEnum was = earlier.enumNamed(enumeration.schemaName());
            for (int i = 0; i < enumeration.values().size(); i++) {
                JsonNode value = enumeration.values().get(i);
                if (!was.valueTexts().contains(value.asString())) {
                    ((ArrayNode) previous.get("enum")).add(value);
                    appendAt(previous, ContractEnum.NAMES, enumeration.names(), i);
                    appendAt(previous, ContractEnum.DESCRIPTIONS, enumeration.descriptions(), i);
                    added.add(enumeration.schemaName() + ": " + value.asString()
                            + enumeration.nameOf(value).map(name -> " (" + name + ")").orElse(""));
                }
            }
        }
        return added;
    }

    private static void appendAt(JsonNode schema, String list, List<String> values, int index) {
        if (schema.path(list).isArray() && index < values.size()) {
            ((ArrayNode) schema.get(list)).add(values.get(index));
        }
    }

    /**
     * The enum values whose name changed, and the names now given to another value: the generated clients' constants
     * are named after them, so code that uses a constant would compile and mean another value, or stop compiling.
     */
    static List<String> renamedEnumValues(ApiContract earlier, ApiContract later) {
        List<String> renamed = new ArrayList<>();
        for (ContractEnum was : earlier.enums()) {
            if (!later.schema(was.schemaName()).has("enum")) {
                continue;
            }
            ContractEnum is = later.enumNamed(was.schemaName());
            for (JsonNode value : was.values()) {
                Optional<String> before = was.nameOf(value);
                Optional<String> after = is.nameOf(value);
                if (before.isPresent() && after.isPresent() && !before.equals(after)) {
                    renamed.add(was.schemaName() + ": " + value.asString() + " was named " + before.get() + ", now " + after.get());
                }
            }
            for (String name : was.names()) {
                int before = was.names().indexOf(name);
                int after = is.names().indexOf(name);
                if (after >= 0 && !was.values().get(before).asString().equals(is.values().get(after).asString())) {
                    renamed.add(was.schemaName() + ": " + name + " was " + was.values().get(before).asString()
                            + ", now " + is.values().get(after).asString());
                }
            }
        }
        return renamed;
    }

    /**
     * The response headers the earlier contract marks required that the later one does not (or no longer has):
     * clients may rely on them. (A header that becomes required is a promise added, which breaks nobody;
     * openapi-diff, though, calls any change of {@code required} a break, so it compares headers without it.)
     */
    static List<String> lostResponseHeaders(ApiContract earlier, ApiContract later) {
        Map<String, JsonNode> before = responseHeaders(earlier);
        Map<String, JsonNode> after = responseHeaders(later);
        List<String> lost = new ArrayList<>();
        before.forEach((where, header) -> {
            if (header.path("required").asBoolean(false) && !after.getOrDefault(where, MissingNode.getInstance()).path("required").asBoolean(false)) {
                lost.add(where + " is no longer required");
            }
        });
        return lost;
    }

    /** Every response header, by operation (or shared response), status and name, references followed. */
    private static Map<String, JsonNode> responseHeaders(ApiContract contract) {
        Map<String, JsonNode> headers = new TreeMap<>();
        contract.document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().forEach(response -> {
                    JsonNode resolved = contract.resolve(response.getValue());
                    resolved.path("headers").properties().forEach(header -> headers.put("`" + operation.getKey().toUpperCase()
                            + "` " + path.getKey() + " " + response.getKey() + " header " + header.getKey(),
                            contract.resolve(header.getValue())));
                })));
        return headers;
    }

    private static ObjectNode tree(String contract) {
        try {
            return (ObjectNode) YAML.readTree(contract);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a readable contract", e);
        }
    }

    static String read(Path contract) {
        try {
            return Files.readString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract as openapi-diff should compare it: the same meaning, in the form it judges correctly. */
    private static String normalized(ObjectNode document) {
        putAsMerge(document);
        responseHeadersWithoutRequired(document);
        withoutRulesStatedBefore(document);
        flattenObjectCompositions(document);
        return YAML.writeValueAsString(document);
    }

    /**
     * openapi-diff assumes that PUT replaces a whole record, and so calls any new request property of a PUT breaking
     * (an old client would clear it; OpenAPITools/openapi-diff#264). This API's PUT merges instead: an absent optional
     * field keeps its stored value, as the contract says. So PUT operations are compared as PATCH, which openapi-diff
     * treats as a merge.
     */
    private static void putAsMerge(ObjectNode document) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            ObjectNode item = (ObjectNode) path.getValue();
            if (item.has("put") && !item.has("patch")) {
                item.set("patch", item.remove("put"));
            }
        }
    }

    /** Response headers compared without {@code required}, which {@link #lostResponseHeaders} judges instead. */
    private static void responseHeadersWithoutRequired(ObjectNode document) {
        List<JsonNode> responses = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").forEach(responses::add)));
        document.path("components").path("responses").forEach(responses::add);
        for (JsonNode response : responses) {
            response.path("headers").forEach(header -> {
                if (header instanceof ObjectNode object) {
                    object.remove("required");
                }
            });
        }
        document.path("components").path("headers").forEach(header -> ((ObjectNode) header).remove("required"));
    }

    /**
     * A schema may say, in {@code x-rules-stated-before} with the reason, that its {@code oneOf} only restates rules
     * the released contract already gave in words (and the server already applied), such as which fields each grant
     * type of the token request needs: that oneOf is left out of the comparison, and the verdict lists it.
     */
    private static void withoutRulesStatedBefore(ObjectNode document) {
        document.path("components").path("schemas").forEach(schema -> {
            if (schema.has(ApiContract.RULES_STATED_BEFORE)) {
                ((ObjectNode) schema).remove("oneOf");
            }
        });
    }

    /** The keywords that bound a value, which {@code x-rules-enforced-before} compares as they were. */
    private static final List<String> BOUNDS = List.of("maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum",
            "exclusiveMinimum", "pattern", "maxItems", "minItems");

    /**
     * A schema may say, in {@code x-rules-enforced-before} with the reason, that its bounds only put in the contract
     * what the server already refused (a user name longer than any user can have, say): its bounds are compared as
     * the earlier contract has them, and the verdict lists the schema with the reason. Returns one line per such
     * schema: where it is, the bounds that changed, the reason.
     */
    private static List<String> withRulesEnforcedBeforeAsTheyWere(JsonNode later, JsonNode earlier, String where) {
        List<String> found = new ArrayList<>();
        if (later instanceof ObjectNode object) {
            if (object.has(ApiContract.RULES_ENFORCED_BEFORE)) {
                List<String> changed = new ArrayList<>();
                for (String bound : BOUNDS) {
                    JsonNode was = earlier.path(bound);
                    if (!was.equals(object.path(bound))) {
                        changed.add(bound + " " + (was.isMissingNode() ? "(none)" : was.asString()) + " -> "
                                + (object.has(bound) ? object.get(bound).asString() : "(none)"));
                        if (was.isMissingNode()) {
                            object.remove(bound);
                        } else {
                            object.set(bound, was);
                        }
                    }
                }
                found.add(where + " (" + String.join(", ", changed) + "): " + object.get(ApiContract.RULES_ENFORCED_BEFORE).asString());
            }
            object.properties().forEach(property -> found.addAll(withRulesEnforcedBeforeAsTheyWere(property.getValue(),
                    earlier.path(property.getKey()), where + "/" + property.getKey())));
        } else if (later.isArray()) {
            for (int i = 0; i < later.size(); i++) {
                found.addAll(withRulesEnforcedBeforeAsTheyWere(later.get(i), earlier.path(i), where + "/" + i));
            }
        }
        return found;
    }

    /**
     * {@code format: password} only asks readers to hide a string (OpenAPI: "a hint to UIs to obscure input"; the
     * generated clients leave it out of their models' toString): it changes no value a client may send or read, so a
     * string that gains or loses it is compared as it was, and the verdict lists it. openapi-diff would call it a
     * changed type. Returns one line per such string: where it is, and how its format changed.
     */
    private static List<String> withPasswordFormatsAsTheyWere(JsonNode later, JsonNode earlier, String where) {
        List<String> found = new ArrayList<>();
        if (later instanceof ObjectNode object) {
            boolean strings = "string".equals(object.path("type").asString(null)) && "string".equals(earlier.path("type").asString(null));
            boolean marked = "password".equals(object.path("format").asString(null)) && !earlier.has("format");
            boolean unmarked = "password".equals(earlier.path("format").asString(null)) && !object.has("format");
            if (strings && marked) {
                object.remove("format");
                found.add(where + ": now format: password");
            } else if (strings && unmarked) {
                object.put("format", "password");
                found.add(where + ": no longer format: password");
            }
            object.properties().forEach(property -> found.addAll(withPasswordFormatsAsTheyWere(property.getValue(),
                    earlier.path(property.getKey()), where + "/" + property.getKey())));
        } else if (later.isArray()) {
            for (int i = 0; i < later.size(); i++) {
                found.addAll(withPasswordFormatsAsTheyWere(later.get(i), earlier.path(i), where + "/" + i));
            }
        }
        return found;
    }

    /**
     * An allOf of object schemas means the object with all their properties and required names; openapi-diff,
     * though, calls a flat schema turned into such an allOf a changed type. So named schemas made of an allOf of
     * objects are compared in their merged form.
     */
    private static void flattenObjectCompositions(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        ApiContract contract = ApiContract.of(document.deepCopy());
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            if (schema.getValue().has("allOf")) {
                ObjectNode merged = contract.flattened(schema.getValue());
                merged.put("type", "object");
                ((ObjectNode) schemas).set(schema.getKey(), merged);
            }
        }
    }
}
