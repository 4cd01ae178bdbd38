package io.emailaccounts.server.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;

import io.emailaccounts.contract.ContractExamples;
import io.emailaccounts.server.contract.ServedContract;

/**
 * Every example of the contract (request, response, schema, property and parameter examples, the composed ones with
 * the values the reference shows) is valid against its schema.
 */
class ContractExamplesTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(OpenApiFormats.dialect());

    @Test
    void shouldValidateEveryExampleAgainstItsSchema() {
        List<ContractExamples.Example> examples = new ContractExamples(ServedContract.load()).all();
        List<String> failures = new ArrayList<>();
        for (ContractExamples.Example example : examples) {
            Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + ServedContract.CLASSPATH_LOCATION + "#" + example.schemaPointer()));
            for (Error error : schema.validate(example.value())) {
                failures.add(example.name() + ": " + error);
            }
        }

        assertThat(examples).extracting(ContractExamples.Example::name)
                .contains("GET /api/crm/emailaccounts/{id} 200 record", "PUT /api/crm/emailaccounts request allFields",
                        "schema EmailServerType", "schema EmailAccountFields property DisplayName", "parameter size")
                .hasSizeGreaterThanOrEqualTo(100);
        assertThat(failures).isEmpty();
    }
}
