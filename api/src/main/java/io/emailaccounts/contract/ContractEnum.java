package io.emailaccounts.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * An enum of the contract: its values, the names the clients give them ({@code x-enum-varnames}), their descriptions
 * ({@code x-enum-descriptions}), and whether it is open ({@code x-open-enum}).
 *
 * <p>An open enum may gain values in later versions of the contract: a reader must expect values it does not know (the
 * Java and TypeScript clients read them, as unknown values). Adding a value to an open enum therefore breaks no client;
 * removing one, or giving a name another value, does.
 *
 * @param schemaName   the name of its schema in {@code components/schemas}; null for an enum declared inline
 * @param values       its values, in the contract's order
 * @param names        the name of each value, in the same order; empty when the contract names none
 * @param descriptions the description of each value, in the same order; empty when the contract gives none
 * @param open         whether readers must expect values the contract does not list ({@code x-open-enum: true})
 */
public record ContractEnum(String schemaName, List<JsonNode> values, List<String> names, List<String> descriptions,
                           boolean open) {

    /** {@code x-open-enum}: whether an enum may gain values that readers of this version do not know. */
    public static final String OPEN = "x-open-enum";
    /** {@code x-enum-varnames}: the name of each value, which the generated clients give their constants. */
    public static final String NAMES = "x-enum-varnames";
    /** {@code x-enum-descriptions}: what each value means. */
    public static final String DESCRIPTIONS = "x-enum-descriptions";

    static ContractEnum of(String schemaName, JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        schema.path("enum").forEach(values::add);
        List<String> names = new ArrayList<>();
        schema.path(NAMES).forEach(name -> names.add(name.asString()));
        List<String> descriptions = new ArrayList<>();
        schema.path(DESCRIPTIONS).forEach(description -> descriptions.add(description.asString()));
        return new ContractEnum(schemaName, List.copyOf(values), List.copyOf(names), List.copyOf(descriptions),
                schema.path(OPEN).asBoolean(false));
    }

    /** The values as text ({@code "1"}, {@code "DisplayName"}). */
    public List<String> valueTexts() {
        return values.stream().map(JsonNode::asString).toList();
    }

    /** The name of a value, if the contract names it. */
    public Optional<String> nameOf(JsonNode value) {
        int index = valueTexts().indexOf(value.asString());
        return index >= 0 && index < names.size() ? Optional.of(names.get(index)) : Optional.empty();
    }

    /** Every value with its name, as the API's messages list them: {@code 1 (Imap), 2 (Pop3)}. */
    public String describeValues() {
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).asString();
            choices.add(i < names.size() ? value + " (" + names.get(i) + ")" : value);
        }
        return String.join(", ", choices);
    }
}
