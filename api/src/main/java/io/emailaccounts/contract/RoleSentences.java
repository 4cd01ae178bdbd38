package io.emailaccounts.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sentence that tells readers who may call an operation, written from the role the contract names for it
 * ({@code x-required-role}, and {@code x-required-role-when-present}) rather than by hand in each description, so that
 * a role added or changed in the contract is what the reference and both clients' documentation say. The reference site
 * and the generators' input ({@link GeneratorInput}) add it; the contract as written states the role once.
 */
public final class RoleSentences {

    private RoleSentences() {
    }

    /** Ends the description of each operation that needs a role with who may call it. */
    public static void addTo(ApiContract contract, JsonNode document) {
        for (ApiContract.Operation operation : contract.operations()) {
            if (operation.requiredRole().isEmpty()) {
                continue;
            }
            ObjectNode published = (ObjectNode) document.path("paths").path(operation.path())
                    .path(operation.method().toLowerCase(Locale.ROOT));
            String description = published.path("description").asString("").stripTrailing();
            published.put("description", (description.isEmpty() ? "" : description + "\n\n") + sentence(operation));
        }
    }

    /** "**Authorization:** a full unrestricted administrator, or a user with the `EmailAccount-List` role (`EmailAccount-Read` with `id`)." */
    public static String sentence(ApiContract.Operation operation) {
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, String> when : operation.roleWhenPresent().entrySet()) {
            others.add("`" + when.getValue() + "` with `" + when.getKey() + "`");
        }
        return "**Authorization:** a full unrestricted administrator, or a user with the `" + operation.requiredRole().get()
                + "` role" + (others.isEmpty() ? "" : " (" + String.join(", ", others) + ")") + ".";
    }
}
