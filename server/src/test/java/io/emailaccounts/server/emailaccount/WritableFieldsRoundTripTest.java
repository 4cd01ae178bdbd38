package io.emailaccounts.server.emailaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractProperty;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every writable field the contract lists is stored, read back, kept and cleared (or, for a field that is never null,
 * set to its {@code x-unset-value}), driven by the contract itself. A
 * field added to api/openapi.yaml but not to the implementation compiles (the generated models simply have one more
 * property) and would be dropped without a word; this test names it instead.
 */
class WritableFieldsRoundTripTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final ApiContract CONTRACT = ServedContract.load();

    /**
     * A property of EmailAccountFields, the body of create and (with Id) update; {@code unsetValue} is what it stores
     * when a create leaves it out or a write sends null ({@code x-unset-value}), else null.
     */
    private record Field(String name, JsonNode example, boolean required, boolean nullable, boolean writeOnly,
                         JsonNode unsetValue) {
    }

    private static List<Field> writableFields() {
        List<Field> fields = new ArrayList<>();
        for (ContractProperty property : CONTRACT.properties(EmailAccountSchema.WRITABLE_SCHEMA).values()) {
            // An example may sit on the property or on the schema it refers to (the enums).
            assertThat(property.example()).as("%s has an example in the contract", property.name()).isPresent();
            fields.add(new Field(property.name(), property.example().get(), property.required(), property.nullable(),
                    property.writeOnly(), property.unsetValue().orElse(null)));
        }
        return fields;
    }

    /** A body holding the example of every field, or of the required ones only. */
    private static ObjectNode examples(boolean requiredOnly) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        writableFields().stream().filter(field -> field.required() || !requiredOnly)
                .forEach(field -> body.set(field.name(), field.example()));
        return body;
    }

    private JsonNode read(long id) {
        RawHttp.Response response = asAdmin().get(PATH + "/" + id);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private long create(ObjectNode body) {
        RawHttp.Response response = asAdmin().send("POST", PATH, "application/json", body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("Value").get("Id").asLong();
    }

    private void update(long id, ObjectNode body) {
        RawHttp.Response response = asAdmin().put(PATH, body.deepCopy().put("Id", id).toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Each field's value in a read, against what it should be; a write-only field is never in a read. */
    private static void assertFields(JsonNode answer, Map<String, JsonNode> expected) {
        SoftAssertions softly = new SoftAssertions();
        for (Field field : writableFields()) {
            JsonNode value = field.writeOnly() ? MissingNode.getInstance() : expected.get(field.name());
            softly.assertThat(answer.path(field.name()))
                    .as("%s as read back (is it stored and answered by the implementation?)", field.name())
                    .isEqualTo(value);
        }
        softly.assertAll();
    }

    private static Map<String, JsonNode> valuesOf(ObjectNode body) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        body.properties().forEach(property -> values.put(property.getKey(), property.getValue()));
        return values;
    }

    @Test
    void shouldStoreEveryWritableFieldOnCreateAndAnswerItOnRead() {
        long id = create(examples(false));

        assertFields(read(id), valuesOf(examples(false)));
    }

    @Test
    void shouldKeepEveryAbsentOptionalFieldAndClearEveryNullOneOnUpdate() {
        long id = create(examples(false));

        update(id, examples(true));
        assertFields(read(id), valuesOf(examples(false)));

        ObjectNode clearing = examples(true);
        writableFields().stream().filter(field -> field.nullable() && !field.writeOnly())
                .forEach(field -> clearing.putNull(field.name()));
        update(id, clearing);
        Map<String, JsonNode> cleared = valuesOf(examples(false));
        cleared.putAll(valuesOf(clearing));
        unsetValues().forEach(cleared::put);
        assertFields(read(id), cleared);
    }

    @Test
    void shouldStoreTheUnsetValueOfEveryFieldACreateLeavesOut() {
        long id = create(examples(true));

        Map<String, JsonNode> expected = valuesOf(examples(true));
        writableFields().stream().filter(field -> !field.required())
                .forEach(field -> expected.put(field.name(), JsonNodeFactory.instance.nullNode()));
        expected.putAll(unsetValues());
        assertThat(unsetValues()).as("the contract's fields with x-unset-value").isNotEmpty();
        assertFields(read(id), expected);
    }

    /** The fields that are never null, with the value they store for null or, on a create, for absent. */
    private static Map<String, JsonNode> unsetValues() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        writableFields().stream().filter(field -> field.unsetValue() != null)
                .forEach(field -> values.put(field.name(), field.unsetValue()));
        return values;
    }
}
