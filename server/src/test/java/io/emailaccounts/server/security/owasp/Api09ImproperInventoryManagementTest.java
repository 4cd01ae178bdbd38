package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.emailaccounts.server.support.ExampleBodies;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * OWASP API9:2023, Improper Inventory Management: hosts, versions or endpoints nobody documented, kept or retired. The
 * contract is the inventory: the server serves api/openapi.yaml at /openapi.yaml and /openapi.json (whole: every example
 * with its value), every operation of it, and
 * besides only what the Operations guide lists (the reference, health, metrics, backup, secrets); every other path is 404
 * before any handler (RouteFilterTest). There is one version, no debug or legacy endpoint, and the breaking-change gate
 * keeps the published one from changing in a way a client would notice.
 */
class Api09ImproperInventoryManagementTest extends RunningServerTest {

    @Test
    void shouldServeTheContractAsItIsWrittenWithEveryExampleGivenItsValue() throws IOException {
        JsonNode written = new YAMLMapper().readTree(Files.readString(Path.of("..", "api", "openapi.yaml"), StandardCharsets.UTF_8));
        JsonNode yaml = new YAMLMapper().readTree(http().get("/openapi.yaml").body());
        JsonNode json = http().get("/openapi.json").json();

        assertThat(yaml).isEqualTo(json);
        assertThat(json.get("paths").propertyNames()).containsExactlyElementsOf(written.get("paths").propertyNames());
        // As written, but for its links to the guides, which lead to their pages where this server serves them.
        ObjectNode info = (ObjectNode) written.get("info").deepCopy();
        info.put("description", info.get("description").asString().replaceAll("\\]\\(#tag/([a-z-]+)\\)", "](/docs/guides/$1.html)"));
        assertThat(json.get("info")).isEqualTo(info);
        assertThat(info.get("description").asString()).contains("](/docs/guides/clients.html)");
        assertThat(http().get("/docs/guides/clients.html").status()).isEqualTo(200);
        List<String> withoutValue = new ArrayList<>();
        examples(json, "", withoutValue);
        assertThat(withoutValue).as("examples without a value").isEmpty();
    }

    /** Every named example (an entry of an {@code examples} map) with no {@code value}, by its place. */
    private static void examples(JsonNode node, String place, List<String> withoutValue) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("examples") && entry.getValue().isObject()) {
                    entry.getValue().properties().forEach(example -> {
                        if (example.getValue().isObject() && !example.getValue().has("value")
                                && !example.getValue().has("externalValue")) {
                            withoutValue.add(place + "/examples/" + example.getKey());
                        }
                    });
                }
                examples(entry.getValue(), place + "/" + entry.getKey(), withoutValue);
            });
        } else if (node.isArray()) {
            node.forEach(child -> examples(child, place + "[]", withoutValue));
        }
    }

    @Test
    void shouldServeEveryOperationOfTheContract() {
        // The deletes last: an operation on the record after it was deleted would be a 404 of its own.
        for (var operation : ExampleBodies.operationsDeletesLast()) {
            String path = operation.path().replace("{id}", String.valueOf(ID));
            int status = asAdmin().send(operation.method().toUpperCase(Locale.ROOT), path, null, null).status();

            assertThat(status).as(operation.operationId()).isNotIn(404, 405);
        }
    }

    @Test
    void shouldServeNoUndocumentedVersionOrEndpoint() {
        for (String path : new String[] {"/api/v1/crm/emailaccounts", "/api/v2/crm/emailaccounts", "/api/crm/emailaccounts/export/csv",
                "/api/crm/emailaccounts/" + ID + "/secrets", "/v3/api-docs", "/v2/api-docs", "/swagger-ui.html",
                "/swagger-ui/index.html", "/webjars/swagger-ui/index.html", "/api/debug", "/console", "/error"}) {
            assertThat(asAdmin().get(path).status()).as(path).isEqualTo(404);
        }
    }
}
