package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract as the server's generator reads it: the filters' naming rule written on each filter. */
class GeneratorInputTest {

    private static final Path CONTRACT = Path.of("openapi.yaml");

    /** Who may call each operation ends its description, from the role the contract names for it, and nowhere else. */
    @Test
    void shouldEndEachSecuredOperationsDescriptionWithWhoMayCallIt(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("generator/openapi.yaml");
        GeneratorInput.main(new String[] {CONTRACT.toString(), output.toString()});
        ApiContract written = ApiContract.read(output);

        assertThat(written.operation("searchEmailAccounts").node().path("description").asString()).endsWith(
                "**Authorization:** a full unrestricted administrator, or a user with the `EmailAccount-List` role "
                        + "(`EmailAccount-Read` with `id`).");
        for (ApiContract.Operation operation : ApiContract.read(CONTRACT).operations()) {
            String description = written.operation(operation.operationId()).node().path("description").asString();
            assertThat(operation.node().path("description").asString()).as("the contract as written, %s", operation.operationId())
                    .doesNotContain("**Authorization:**");
            if (operation.requiredRole().isPresent()) {
                assertThat(description).as(operation.operationId()).endsWith("\n\n" + RoleSentences.sentence(operation))
                        .contains("a user with the `" + operation.requiredRole().get() + "` role");
            } else {
                assertThat(description).as(operation.operationId()).doesNotContain("**Authorization:**");
            }
        }
    }

    @Test
    void shouldWriteOnEachFilterThePropertyAndTheBoundItsNameSays(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("generator/openapi.yaml");
        GeneratorInput.main(new String[] {CONTRACT.toString(), output.toString()});
        ApiContract written = ApiContract.read(output);
        ApiContract.Operation search = written.operation("searchEmailAccounts");

        List<SearchFilter> filters = ApiContract.read(CONTRACT).operation("searchEmailAccounts").filters();
        assertThat(filters).hasSizeGreaterThan(10);
        for (SearchFilter filter : filters) {
            JsonNode parameter = search.parameter(filter.parameter()).orElseThrow();
            assertThat(parameter.path(SearchFilter.PROPERTY).asString()).as(filter.parameter()).isEqualTo(filter.property());
            assertThat(parameter.path(GeneratorInput.BOUND).asString()).as(filter.parameter()).isEqualTo(filter.bound().name());
            assertThat(parameter.path(GeneratorInput.TIME_TEXT).asBoolean()).as(filter.parameter())
                    .isEqualTo(filter.property().endsWith("On") || filter.property().equals("LastCheckTime"));
        }
        assertThat(search.parameter("page").orElseThrow().has(GeneratorInput.BOUND)).as("not a filter").isFalse();
        assertThat(search.parameter("EmailAccount_Business").orElseThrow().path(SearchFilter.PROPERTY).asString()).isEqualTo("BusinessId");
    }

    @Test
    void shouldLeaveTheRestOfTheContractAsItIs(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("openapi.yaml");
        GeneratorInput.main(new String[] {CONTRACT.toString(), output.toString()});
        ObjectNode written = (ObjectNode) ApiContract.read(output).document();
        ApiContract contract = ApiContract.read(CONTRACT);
        RoleSentences.addTo(contract, contract.document()); // tried on its own above
        ObjectNode original = (ObjectNode) contract.document();

        assertThat(Files.readString(output)).contains(GeneratorInput.BOUND);
        withoutFilterMarks(written);
        withoutFilterMarks(original);
        assertThat(written).isEqualTo(original);
    }

    /** Leaves out, everywhere, what the generator's copy writes on the filters. */
    private static void withoutFilterMarks(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of(GeneratorInput.BOUND, GeneratorInput.TIME_TEXT, SearchFilter.PROPERTY, GeneratorInput.DERIVED));
        }
        node.forEach(GeneratorInputTest::withoutFilterMarks);
    }

    @Test
    void shouldMarkTheRecordsDerivedProperties(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("openapi.yaml");
        GeneratorInput.main(new String[] {CONTRACT.toString(), output.toString()});
        ApiContract written = ApiContract.read(output);

        Map<String, ContractProperty> record = written.properties("EmailAccount");
        assertThat(record.values()).filteredOn(property -> property.keyword(GeneratorInput.DERIVED).asBoolean())
                .extracting(ContractProperty::name)
                .containsExactlyInAnyOrderElementsOf(record.values().stream().filter(ContractProperty::derived)
                        .map(ContractProperty::name).toList())
                .contains("IsNew", "ToStringText");
    }

    @Test
    void shouldRefuseAFilterOnAPropertyThatCannotBeSearched() {
        ApiContract contract = ApiContract.read(CONTRACT);
        ObjectNode parameters = (ObjectNode) contract.document().path("components").path("parameters");
        parameters.putObject("FilterGoogleAccessToken").put("name", "EmailAccount_GoogleAccessToken").put("in", "query")
                .putObject("schema").put("type", "string");
        parameters.putObject("FilterNickname").put("name", "EmailAccount_Nickname").put("in", "query")
                .putObject("schema").put("type", "string");
        ObjectNode search = (ObjectNode) contract.document().path("paths").path("/api/crm/emailaccounts").path("get");
        ((ArrayNode) search.path("parameters")).addObject().put("$ref", "#/components/parameters/FilterGoogleAccessToken");
        ((ArrayNode) search.path("parameters")).addObject().put("$ref", "#/components/parameters/FilterNickname");

        assertThatThrownBy(() -> GeneratorInput.annotate(contract))
                .hasMessageContaining("EmailAccount_GoogleAccessToken filters on GoogleAccessToken, which is not a searchable property")
                .hasMessageContaining("EmailAccount_Nickname filters on Nickname");
    }
}
