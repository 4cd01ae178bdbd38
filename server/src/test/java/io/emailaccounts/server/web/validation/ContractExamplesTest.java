package io.emailaccounts.server.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;

import io.emailaccounts.server.contract.ApiContract;
import tools.jackson.databind.JsonNode;

/** Every example of the contract (request, response, schema and property examples) is valid against its schema. */
class ContractExamplesTest {

    private static final ApiContract CONTRACT = ApiContract.load();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(OpenApiFormats.dialect());

    private record Example(String where, JsonNode value, String schemaPointer) {
    }

    @Test
    void shouldValidateEveryExampleAgainstItsSchema() {
        List<Example> examples = examples();
        List<String> failures = new ArrayList<>();
        for (Example example : examples) {
            Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + ApiContract.CLASSPATH_LOCATION + "#" + example.schemaPointer()));
            for (Error error : schema.validate(example.value())) {
                failures.add(example.where() + ": " + error);
            }
        }

        assertThat(examples).hasSizeGreaterThanOrEqualTo(60);
        assertThat(failures).isEmpty();
    }

    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        JsonNode document = CONTRACT.document();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String operationPointer = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
                collect(examples, operation.getValue().path("requestBody"), operationPointer + "/requestBody");
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    JsonNode responseNode = response.getValue();
                    String pointer = operationPointer + "/responses/" + response.getKey();
                    if (responseNode.has("$ref")) {
                        pointer = responseNode.get("$ref").asString().substring(1);
                        responseNode = CONTRACT.resolve(responseNode);
                    }
                    collect(examples, responseNode, pointer);
                }
            }
        }
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            String pointer = "/components/schemas/" + escape(schema.getKey());
            if (schema.getValue().has("example")) {
                examples.add(new Example(pointer + "/example", schema.getValue().get("example"), pointer));
            }
            for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
                String propertyPointer = pointer + "/properties/" + escape(property.getKey());
                if (property.getValue().has("example")) {
                    examples.add(new Example(propertyPointer + "/example", property.getValue().get("example"), propertyPointer));
                }
            }
        }
        return examples;
    }

    private static void collect(List<Example> examples, JsonNode withContent, String pointer) {
        for (Map.Entry<String, JsonNode> media : withContent.path("content").properties()) {
            String mediaPointer = pointer + "/content/" + escape(media.getKey());
            String schemaPointer = mediaPointer + "/schema";
            if (media.getValue().has("example")) {
                examples.add(new Example(mediaPointer + "/example", media.getValue().get("example"), schemaPointer));
            }
            for (Map.Entry<String, JsonNode> named : media.getValue().path("examples").properties()) {
                examples.add(new Example(mediaPointer + "/examples/" + named.getKey(), named.getValue().get("value"), schemaPointer));
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
