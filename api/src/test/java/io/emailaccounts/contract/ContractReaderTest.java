package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.emailaccounts.contract.ContractExamples.Direction;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The contract's one reader: what each part and extension of a document means, on small documents made for it. */
class ContractReaderTest {

    private static final ApiContract CONTRACT = ApiContract.of(YAMLMapper.builder().build().readTree("""
            openapi: 3.0.3
            paths:
              /things:
                get:
                  operationId: searchThings
                  x-required-role: Thing-List
                  parameters:
                    - $ref: '#/components/parameters/Colour'
                    - name: from_EmailAccount_Size
                      in: query
                      schema: {type: integer}
                    - name: EmailAccount_Owner
                      in: query
                      x-property: OwnerId
                      schema: {type: integer}
                    - name: page
                      in: query
                      schema: {type: integer}
            components:
              parameters:
                Colour:
                  name: EmailAccount_Colour
                  in: query
                  schema: {type: string}
              schemas:
                Kind:
                  type: integer
                  x-open-enum: true
                  enum: [1, 2]
                  x-enum-varnames: [First, Second]
                  example: 1
                Fields:
                  type: object
                  required: [Name]
                  properties:
                    Name: {type: string, maxLength: 10, example: Box}
                    Kind:
                      allOf: [{$ref: '#/components/schemas/Kind'}]
                      description: The kind.
                    Secret: {type: string, writeOnly: true, example: s3cret}
                    Note: {type: string, nullable: true, deprecated: true, example: a note}
                Thing:
                  allOf:
                    - $ref: '#/components/schemas/Fields'
                    - type: object
                      required: [Id]
                      properties:
                        Id: {type: integer, readOnly: true, example: 7}
                        Label: {type: string, readOnly: true, x-same-as: Name, example: stale}
                        IsNew: {type: boolean, readOnly: true, x-constant: false, example: true}
                        Note: {type: string, description: Never null in a thing., example: a note}
                Loop:
                  $ref: '#/components/schemas/Loop'
                Either:
                  oneOf:
                    - $ref: '#/components/schemas/Thing'
                    - type: array
                      items: {$ref: '#/components/schemas/Thing'}
            """));
    private static final ContractExamples EXAMPLES = new ContractExamples(CONTRACT);

    @Test
    void shouldMergeASchemasPartsAndFollowItsReferences() {
        assertThat(CONTRACT.properties("Thing").keySet()).containsExactly("Name", "Kind", "Secret", "Note", "Id", "Label", "IsNew");
        ContractProperty kind = CONTRACT.properties("Thing").get("Kind");
        assertThat(kind.type()).isEqualTo("integer");
        assertThat(kind.schema().path("description").asString()).as("the property's own keywords win").isEqualTo("The kind.");
        assertThat(kind.example().orElseThrow().asInt()).as("an example of the schema it refers to").isEqualTo(1);
        assertThat(kind.enumeration().orElseThrow().schemaName()).isEqualTo("Kind");
        assertThat(CONTRACT.properties("Thing").get("Note").nullable()).as("a later part's declaration wins").isFalse();
        assertThat(CONTRACT.properties("Fields").get("Note").deprecated()).isTrue();
        assertThat(CONTRACT.properties("Thing").get("Id").required()).isTrue();
        assertThat(CONTRACT.properties("Thing").get("Secret").secret()).isTrue();
    }

    @Test
    void shouldRefuseAReferenceThatGoesRoundOrNowhere() {
        assertThatThrownBy(() -> CONTRACT.flattened(CONTRACT.schema("Loop"))).hasMessageContaining("cycle");
        assertThatThrownBy(() -> CONTRACT.resolve(YAMLMapper.builder().build().readTree("$ref: '#/components/schemas/Nothing'")))
                .hasMessageContaining("#/components/schemas/Nothing, which it does not have");
    }

    @Test
    void shouldReadEnumsWithTheirNamesAndWhetherTheyAreOpen() {
        ContractEnum kind = CONTRACT.enumNamed("Kind");

        assertThat(kind.open()).isTrue();
        assertThat(kind.valueTexts()).containsExactly("1", "2");
        assertThat(kind.nameOf(YAMLMapper.builder().build().readTree("2"))).contains("Second");
        assertThat(kind.describeValues()).isEqualTo("1 (First), 2 (Second)");
    }

    @Test
    void shouldTellTheFiltersOfAnOperationByTheNamingRule() {
        ApiContract.Operation search = CONTRACT.operation("searchThings");

        assertThat(search.requiredRole()).contains("Thing-List");
        assertThat(search.filters()).containsExactly(
                new SearchFilter("EmailAccount_Colour", "Colour", SearchFilter.Bound.EQUAL),
                new SearchFilter("from_EmailAccount_Size", "Size", SearchFilter.Bound.FROM),
                new SearchFilter("EmailAccount_Owner", "OwnerId", SearchFilter.Bound.EQUAL));
        assertThat(SearchFilter.hasFilterShape("to_EmailAccount_Misspelt")).isTrue();
        assertThat(SearchFilter.hasFilterShape("page")).isFalse();
    }

    @Test
    void shouldComposeARecordFromItsPropertiesExamples() {
        JsonNode answered = EXAMPLES.compose("Thing", Direction.ANSWER);
        JsonNode sent = EXAMPLES.compose(CONTRACT.schema("Thing"), Direction.REQUEST, false,
                YAMLMapper.builder().build().readTree("{Name: Crate, Note: null}"));

        assertThat(answered.toString()).isEqualTo(
                "{\"Name\":\"Box\",\"Kind\":1,\"Note\":\"a note\",\"Id\":7,\"Label\":\"Box\",\"IsNew\":false}");
        assertThat(sent.toString()).as("a request: no read-only properties; the changed values")
                .isEqualTo("{\"Name\":\"Crate\",\"Kind\":1,\"Secret\":\"s3cret\",\"Note\":null}");
        assertThat(EXAMPLES.compose(CONTRACT.schema("Thing"), Direction.REQUEST, true, null).toString())
                .as("the required properties only").isEqualTo("{\"Name\":\"Box\"}");
    }

    @Test
    void shouldNameWhatItCannotCompose() {
        assertThatThrownBy(() -> EXAMPLES.compose(CONTRACT.schema("Either"), Direction.ANSWER, false, null))
                .hasMessageContaining("a oneOf has several shapes; name the one to compose in x-composed.schema");
        assertThatThrownBy(() -> EXAMPLES.compose(CONTRACT.schema("Thing"), Direction.ANSWER, false,
                YAMLMapper.builder().build().readTree("{Colour: red}")))
                .hasMessageContaining("x-composed.with names Colour, which is not a property here");
        assertThatThrownBy(() -> EXAMPLES.compose(YAMLMapper.builder().build().readTree("{type: object, properties: {Size: {type: integer}}}"),
                Direction.ANSWER, false, null))
                .hasMessageContaining("Size has no example to compose from");
    }

    @Test
    void shouldFindEveryExampleOfTheRealContractComposed() {
        ApiContract real = ApiContract.read(Path.of("openapi.yaml"));

        assertThat(new ContractExamples(real).all()).filteredOn(example -> example.name().equals("GET /api/crm/emailaccounts/{id} 200 record"))
                .singleElement().satisfies(record -> assertThat(record.value().path("DisplayName").asString()).isNotEmpty());
    }
}
