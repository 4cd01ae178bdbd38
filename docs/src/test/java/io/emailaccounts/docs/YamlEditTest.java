package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The walk-throughs' edits land where they say, as a person would make them; the rest of the document is kept. */
class YamlEditTest {

    private static final String DOCUMENT = """
            openapi: 3.0.3
            paths:
              /api/things:
                get:
                  parameters:
                    - $ref: '#/components/parameters/Page'
            components:
              schemas:
                Thing:
                  type: object
                  # What a thing is.
                  properties:
                    Name:
                      type: string
                      description: |
                        The name.
                        Two lines.

                Kind:
                  type: integer
                  enum:
                    - 1
                  x-enum-varnames:
                    - First
            """;

    private static JsonNode parsed(String yaml) {
        return YAMLMapper.builder().build().readTree(yaml);
    }

    @Test
    void shouldAddAPropertyAtTheEndOfAMappingKeepingTheRest() {
        String edited = YamlEdit.apply(DOCUMENT, "components.schemas.Thing.properties", """
                Colour:
                  type: string
                  example: red
                """);

        assertThat(parsed(edited).at("/components/schemas/Thing/properties").propertyNames()).containsExactly("Name", "Colour");
        assertThat(parsed(edited).at("/components/schemas/Thing/properties/Name/description").asString()).isEqualTo("The name.\nTwo lines.\n");
        assertThat(edited).contains("  # What a thing is.\n").contains("        Colour:\n          type: string\n");
        assertThat(parsed(edited).at("/components/schemas/Kind/enum").size()).isOne();
    }

    @Test
    void shouldAddItemsAtTheEndOfListsAndEntriesToAnExistingMapping() {
        String edited = YamlEdit.apply(DOCUMENT, "components.schemas.Kind", """
                enum:
                  - 2
                x-enum-varnames:
                  - Second
                example: 1
                """);
        edited = YamlEdit.apply(edited, "paths./api/things.get.parameters", """
                - name: Colour
                  in: query
                """);

        JsonNode kind = parsed(edited).at("/components/schemas/Kind");
        assertThat(kind.get("enum").toString()).isEqualTo("[1,2]");
        assertThat(kind.get("x-enum-varnames").toString()).isEqualTo("[\"First\",\"Second\"]");
        assertThat(kind.get("example").asInt()).isEqualTo(1);
        assertThat(parsed(edited).at("/paths/~1api~1things/get/parameters/1/name").asString()).isEqualTo("Colour");
    }

    @Test
    void shouldReplaceAValueWrittenOnItsKeysLine() {
        String edited = YamlEdit.apply(DOCUMENT, "components.schemas.Kind", "type: string\n");

        assertThat(parsed(edited).at("/components/schemas/Kind/type").asString()).isEqualTo("string");
        assertThat(edited).contains("\n    Kind:\n      type: string\n      enum:\n");
        assertThat(YamlEdit.isApplied(edited, "components.schemas.Kind", "type: string\n")).isTrue();
    }

    /** A designer who followed a walk-through and builds: its blocks are found in the document already. */
    @Test
    void shouldTellAnEditAlreadyMadeFromOneNotYetMade() {
        String property = "Colour:\n  type: string\n";
        String edited = YamlEdit.apply(DOCUMENT, "components.schemas.Thing.properties", property);

        assertThat(YamlEdit.isApplied(DOCUMENT, "components.schemas.Thing.properties", property)).isFalse();
        assertThat(YamlEdit.isApplied(edited, "components.schemas.Thing.properties", property)).isTrue();
        assertThat(YamlEdit.isApplied(DOCUMENT, "components.schemas.Kind", "enum:\n  - 1\n")).isTrue();
        assertThat(YamlEdit.isApplied(DOCUMENT, "components.schemas.Kind", "enum:\n  - 2\n")).isFalse();
        assertThat(YamlEdit.isApplied(DOCUMENT, "paths./api/things.get.parameters", "- $ref: '#/components/parameters/Page'\n")).isTrue();
    }

    @Test
    void shouldNameWhatItCannotDo() {
        assertThatThrownBy(() -> YamlEdit.apply(DOCUMENT, "components.schemas.Gadget.properties", "A: 1"))
                .hasMessageContaining("no key Gadget");
        assertThatThrownBy(() -> YamlEdit.apply(DOCUMENT, "components.schemas.Kind", "enum: 3"))
                .hasMessageContaining("components.schemas.Kind has enum already");
        assertThatThrownBy(() -> YamlEdit.apply(DOCUMENT, "components.schemas.Kind.enum", "A: 1"))
                .hasMessageContaining("is a list");
    }
}
