package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The gate catches the changes that break existing clients, and lets compatible ones through. */
class BreakingChangeGateTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The released contract, changed by {@code edit}, compared with the released contract. */
    private static ContractCompatibility.Verdict afterEditing(Consumer<ObjectNode> edit) throws Exception {
        return afterEditing(GatedContracts.RELEASED, edit);
    }

    private static ContractCompatibility.Verdict afterEditing(Path base, Consumer<ObjectNode> edit) throws Exception {
        String before = ContractCompatibility.read(base);
        ObjectNode contract = (ObjectNode) YAML.readTree(before);
        edit.accept(contract);
        return ContractCompatibility.compare(before, YAML.writeValueAsString(contract));
    }

    private static ObjectNode schema(ObjectNode contract, String name) {
        return (ObjectNode) contract.withObjectProperty("components").withObjectProperty("schemas").get(name);
    }

    /** A property of the writable fields, the body of create and update. */
    private static ObjectNode property(ObjectNode contract, String name) {
        return (ObjectNode) schema(contract, "EmailAccountFields").withObjectProperty("properties").get(name);
    }

    private static ObjectNode parameter(ObjectNode contract, String name) {
        return (ObjectNode) contract.withObjectProperty("components").withObjectProperty("parameters").get(name).get("schema");
    }

    private static void removeFrom(ArrayNode array, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asString().equals(value)) {
                array.remove(i);
                return;
            }
        }
    }

    @Test
    void shouldCatchARemovedResponseProperty() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> {
            ObjectNode envelope = schema(contract, "ActionResponse");
            envelope.withObjectProperty("properties").remove("UpdatedBy");
            removeFrom((ArrayNode) envelope.get("required"), "UpdatedBy");
        });

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("UpdatedBy");
    }

    @Test
    void shouldCatchANewRequiredRequestProperty() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract ->
                ((ArrayNode) schema(contract, "EmailAccountFields").get("required")).add("Active"));

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("New required properties").contains("`Active`");
    }

    @Test
    void shouldCatchARemovedEnumValue() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> {
            ObjectNode policy = schema(contract, "MessageDeletionPolicy");
            ((ArrayNode) policy.get("enum")).remove(2);
            ((ArrayNode) policy.get("x-enum-varnames")).remove(2);
            ((ArrayNode) policy.get("x-enum-descriptions")).remove(2);
        });

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("DeleteMessageSettings").contains("Removed enum value");
    }

    /** A value an integer enum of the contract does not have yet, whatever values it has gained. */
    private static int unusedValue(ObjectNode enumSchema) {
        int largest = 0;
        for (var value : enumSchema.get("enum")) {
            largest = Math.max(largest, value.asInt());
        }
        return largest + 1;
    }

    /** An open enum (x-open-enum) gains a value: its readers expect values they do not know. */
    @Test
    void shouldLetAValueBeAddedToAnOpenEnum() throws Exception {
        int[] added = new int[1];
        ContractCompatibility.Verdict verdict = afterEditing(GatedContracts.WORKING, contract -> {
            ObjectNode type = schema(contract, "EmailServerType");
            assertThat(type.path("x-open-enum").asBoolean()).as("EmailServerType is open").isTrue();
            added[0] = unusedValue(type);
            ((ArrayNode) type.get("enum")).add(added[0]);
            ((ArrayNode) type.get("x-enum-varnames")).add("AddedByTheTest");
            ((ArrayNode) type.get("x-enum-descriptions")).add("A protocol the test adds.");
        });

        assertThat(verdict.breaking()).as(verdict.changes()).isFalse();
        assertThat(verdict.changes()).contains("EmailServerType: " + added[0] + " (AddedByTheTest)");
    }

    /** A closed enum of an answer gains a value: a reader that knows only the listed ones would fail on it. */
    @Test
    void shouldCatchAValueAddedToAClosedEnumOfAnAnswer() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(GatedContracts.WORKING, contract ->
                ((ArrayNode) schema(contract, "TokenResponse").withObjectProperty("properties")
                        .withObjectProperty("token_type").get("enum")).add("mac"));

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("mac");
    }

    /** A renumbered value of an open enum: the clients' constant of that name would now mean another value. */
    @Test
    void shouldCatchARenumberedValueOfAnOpenEnum() throws Exception {
        int[] renumbered = new int[1];
        ContractCompatibility.Verdict verdict = afterEditing(GatedContracts.WORKING, contract -> {
            ObjectNode type = schema(contract, "EmailServerType");
            renumbered[0] = unusedValue(type);
            ((ArrayNode) type.get("enum")).set(0, renumbered[0]);
        });

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("EmailServerType: Imap was 1, now " + renumbered[0]);
    }

    /** A value of an open enum given another name: code using the old constant stops compiling. */
    @Test
    void shouldCatchARenamedValueOfAnOpenEnum() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(GatedContracts.WORKING, contract ->
                ((ArrayNode) schema(contract, "MessageDeletionPolicy").get("x-enum-varnames")).set(0, "Keep"));

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("MessageDeletionPolicy: 1 was named DontDelete, now Keep");
    }

    @Test
    void shouldCatchAChangedPropertyType() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract ->
                property(contract, "ErrorCount").put("type", "string")
                        .remove("format"));

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("ErrorCount");
    }

    @Test
    void shouldCatchARemovedOperation() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract ->
                ((ObjectNode) contract.withObjectProperty("paths").get("/api/crm/emailaccounts")).remove("put"));

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("`PUT` /api/crm/emailaccounts");
    }

    @Test
    void shouldCatchAPropertyRemovedFromAComposedResponseSchema() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(GatedContracts.WORKING, contract -> {
            ObjectNode serverFields = (ObjectNode) schema(contract, "EmailAccount").get("allOf").get(1);
            serverFields.withObjectProperty("properties").remove("UpdatedBy");
            removeFrom((ArrayNode) serverFields.get("required"), "UpdatedBy");
        });

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("UpdatedBy").contains("`GET` /api/crm/emailaccounts/{id}");
    }

    /** A header newly promised in every answer breaks nobody; one no longer promised breaks who relied on it. */
    @Test
    void shouldLetAResponseHeaderBecomeRequiredButCatchOneThatNoLongerIs() throws Exception {
        ContractCompatibility.Verdict promised = afterEditing(contract -> authenticateHeader(contract).put("required", true));
        assertThat(promised.breaking()).as(promised.changes()).isFalse();

        String released = ContractCompatibility.read(GatedContracts.RELEASED);
        ObjectNode withPromise = (ObjectNode) YAML.readTree(released);
        authenticateHeader(withPromise).put("required", true);
        ObjectNode withoutPromise = withPromise.deepCopy();
        authenticateHeader(withoutPromise).remove("required");
        ContractCompatibility.Verdict withdrawn = ContractCompatibility.compare(YAML.writeValueAsString(withPromise),
                YAML.writeValueAsString(withoutPromise));
        assertThat(withdrawn.breaking()).isTrue();
        assertThat(withdrawn.changes()).contains("header WWW-Authenticate is no longer required");
    }

    /** A oneOf that narrows a request is a break, unless the schema says which rules it restates. */
    @Test
    void shouldCatchAOneOfNarrowingARequestUnlessItRestatesRulesGivenBefore() throws Exception {
        Consumer<ObjectNode> perGrantType = contract -> {
            ArrayNode oneOf = schema(contract, "TokenRequest").putArray("oneOf");
            oneOf.addObject().putArray("required").add("username").add("password");
            oneOf.addObject().putArray("required").add("refresh_token");
        };
        assertThat(afterEditing(perGrantType).breaking()).isTrue();

        ContractCompatibility.Verdict restated = afterEditing(perGrantType.andThen(contract ->
                schema(contract, "TokenRequest").put("x-rules-stated-before", "The descriptions said so.")));
        assertThat(restated.breaking()).as(restated.changes()).isFalse();
        assertThat(restated.changes()).contains("TokenRequest: The descriptions said so.");
    }

    /** A bound put on a request's value is a break, unless the value says the server already refused what it refuses. */
    @Test
    void shouldCatchABoundOnARequestValueUnlessTheServerEnforcedItBefore() throws Exception {
        Consumer<ObjectNode> bounded = contract -> property(contract, "DisplayName").put("maxLength", 10);
        ContractCompatibility.Verdict narrowed = afterEditing(bounded);
        assertThat(narrowed.breaking()).isTrue();
        assertThat(narrowed.changes()).contains("DisplayName: maxLength");

        ContractCompatibility.Verdict enforced = afterEditing(bounded.andThen(contract ->
                property(contract, "DisplayName").put("x-rules-enforced-before", "Longer names were always refused.")));
        assertThat(enforced.breaking()).as(enforced.changes()).isFalse();
        assertThat(enforced.changes()).contains("DisplayName (maxLength 255 -> 10): Longer names were always refused.");
    }

    /** format: password only asks readers to hide a string; a changed format that checks values is a change of type. */
    @Test
    void shouldTellAStringMarkedAsASecretFromAChangedType() throws Exception {
        ContractCompatibility.Verdict marked = afterEditing(contract -> ((ObjectNode) schema(contract, "TokenResponse")
                .get("properties").get("refresh_token")).put("format", "password"));
        assertThat(marked.breaking()).as(marked.changes()).isFalse();
        assertThat(marked.changes()).contains("/components/schemas/TokenResponse/properties/refresh_token: now format: password");

        ContractCompatibility.Verdict dated = afterEditing(contract -> ((ObjectNode) schema(contract, "TokenResponse")
                .get("properties").get("refresh_token")).put("format", "date-time"));
        assertThat(dated.breaking()).isTrue();
    }

    private static ObjectNode authenticateHeader(ObjectNode contract) {
        return (ObjectNode) contract.withObjectProperty("components").withObjectProperty("responses").withObjectProperty("Unauthorized").withObjectProperty("headers").get("WWW-Authenticate");
    }

    @Test
    void shouldLetANewOptionalRequestPropertyAndANewResponsePropertyThrough() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> {
            schema(contract, "EmailAccountFields").withObjectProperty("properties").putObject("SignatureHtml")
                    .put("type", "string").put("nullable", true).put("description", "A signature.");
            schema(contract, "ActionResponse").withObjectProperty("properties").putObject("TraceId")
                    .put("type", "string").put("description", "A trace id.");
        });

        assertThat(verdict.breaking()).as(verdict.changes()).isFalse();
        assertThat(verdict.changes()).contains("SignatureHtml");
    }

    @Test
    void shouldCatchANarrowedNumericRange() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> {
            property(contract, "IncomingServerPort").put("maximum", 1024);
            property(contract, "ErrorCount").put("minimum", 1);
        });

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes())
                .contains("`PUT` /api/crm/emailaccounts body IncomingServerPort: maximum 65535 -> 1024")
                .contains("`POST` /api/crm/emailaccounts body IncomingServerPort: maximum 65535 -> 1024")
                .contains("body ErrorCount: minimum 0 -> 1");
    }

    @Test
    void shouldCatchANewOrChangedPatternAndALongerMinimumLength() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> {
            property(contract, "EmailAddress").put("pattern", "^[^@]+@example\\.com$");
            property(contract, "DisplayName").put("pattern", "^[A-Za-z ]+$").put("minLength", 3);
        });

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes())
                .contains("body EmailAddress: new pattern ^[^@]+@example\\.com$")
                .contains("body DisplayName: pattern ")
                .contains("body DisplayName: minLength 1 -> 3");
    }

    @Test
    void shouldCatchAPropertyThatNoLongerTakesNull() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> property(contract, "ReplyToEmail").remove("nullable"));

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("body ReplyToEmail: null is no longer accepted");
    }

    @Test
    void shouldCatchANarrowedQueryParameter() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> parameter(contract, "Size").put("maximum", 100));

        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.changes()).contains("`GET` /api/crm/emailaccounts parameter size: maximum 1000 -> 100");
    }

    @Test
    void shouldLetWidenedInputsThrough() throws Exception {
        ContractCompatibility.Verdict verdict = afterEditing(contract -> {
            // A longer maxLength is left out: the fields are answered too, and openapi-diff calls a longer
            // answer breaking for clients that size their storage by it.
            property(contract, "DisplayName").put("minLength", 0).remove("pattern");
            property(contract, "ErrorCount").remove("minimum");
            parameter(contract, "Size").put("maximum", 5000);
        });

        assertThat(verdict.breaking()).as(verdict.changes()).isFalse();
    }
}
