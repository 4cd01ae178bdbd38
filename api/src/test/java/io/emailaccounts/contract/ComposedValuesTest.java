package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ComposedValuesTest {

    private static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: Things, version: '1'}
            paths:
              /things:
                get:
                  responses:
                    '200':
                      description: The things.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Thing'
                          examples:
                            whole:
                              summary: A thing  # a comment that ends the line
                              x-composed: {}
                            renamed:
                              x-composed:
                                with:
                                  Name: 'yes'
                              # a comment of the designer's
                              value:
                                Name: stale
                            literal:
                              value: {Name: written by hand}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    Name: {type: string, example: Help desk}
                    When: {type: string, format: date-time, example: '2025-01-15T10:25:00Z'}
                    Count: {type: integer, example: 3}
                    Tags:
                      type: array
                      items: {type: string, example: 'a: b # c'}
                    Note: {type: string, nullable: true, example: "tab\\tand é"}
            """;

    @Test
    void writesEveryComposedValueAndLeavesEveryOtherLineAsItWas() {
        String refreshed = ComposedValues.refreshed(CONTRACT);

        ApiContract contract = read(refreshed);
        for (ContractExamples.Example example : new ContractExamples(contract).all()) {
            JsonNode written = contract.document().at(example.pointer());
            if (!written.has(ContractExamples.COMPOSED)) {
                continue;
            }
            assertThat(written.get("value")).as(example.name()).isEqualTo(example.value());
        }
        assertThat(contract.document().at("/paths/~1things/get/responses/200/content/application~1json/examples/renamed/value/Name")
                .asString()).isEqualTo("yes");
        assertThat(refreshed)
                .contains("summary: A thing  # a comment that ends the line\n")
                .contains("  # a comment of the designer's\n")
                .contains("value: {Name: written by hand}")
                .doesNotContain("stale");
        assertThat(CONTRACT.lines().filter(line -> !line.contains("Name: stale")))
                .allSatisfy(line -> assertThat(refreshed.lines()).contains(line));
    }

    @Test
    void quotesEveryStringAYamlReaderCouldTakeForSomethingElse() {
        String refreshed = ComposedValues.refreshed(CONTRACT);

        assertThat(refreshed)
                .contains("Name: Help desk\n")
                .contains("When: \"2025-01-15T10:25:00Z\"\n")
                .contains("Name: \"yes\"\n")
                .contains("- \"a: b # c\"\n")
                .contains("Count: 3\n");
    }

    @Test
    void aRefreshedContractIsLeftAlone() {
        String refreshed = ComposedValues.refreshed(CONTRACT);

        assertThat(ComposedValues.stale(CONTRACT)).containsExactlyInAnyOrder(
                "GET /things 200 whole", "GET /things 200 renamed");
        assertThat(ComposedValues.stale(refreshed)).isEmpty();
        assertThat(ComposedValues.refreshed(refreshed)).isEqualTo(refreshed);
    }

    @Test
    void underCiAStaleFileFailsNamingTheCommandAndIsNotWritten(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("openapi.yaml"), CONTRACT);

        assertThatThrownBy(() -> ComposedValues.refresh(file, true))
                .hasMessageContaining("GET /things 200 whole, GET /things 200 renamed")
                .hasMessageContaining(ComposedValues.REFRESH_COMMAND);
        assertThat(Files.readString(file)).isEqualTo(CONTRACT);

        assertThat(ComposedValues.refresh(file, false)).contains("were refreshed");
        assertThat(ComposedValues.refresh(file, true)).isEmpty();
    }

    @Test
    void theProjectsContractIsWhole() throws IOException {
        assertThat(ComposedValues.stale(Files.readString(Path.of("openapi.yaml")))).isEmpty();
    }

    private static ApiContract read(String text) {
        return ApiContract.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
