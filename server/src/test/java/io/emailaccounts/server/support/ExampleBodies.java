package io.emailaccounts.server.support;

import java.util.Comparator;
import java.util.List;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractExamples;
import io.emailaccounts.contract.ContractExamples.Direction;
import io.emailaccounts.server.contract.ServedContract;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid bodies and records made of the contract's own examples, as the reference composes them: a test changes the
 * few values it is about and never lists the fields itself, so a property added to the contract is in every body.
 */
public final class ExampleBodies {

    public static final ApiContract CONTRACT = ServedContract.load();
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractExamples EXAMPLES = new ContractExamples(CONTRACT);

    /**
     * The contract's operations in its order, the deletes moved to the end: a test that calls each on one record
     * calls the others before the record is gone.
     */
    public static List<ApiContract.Operation> operationsDeletesLast() {
        return CONTRACT.operations().stream().sorted(Comparator.comparing(operation -> operation.method().equals("DELETE"))).toList();
    }

    private ExampleBodies() {
    }

    /** A body of the named schema with its required properties only, each with its example. */
    public static ObjectNode requiredFields(String schema) {
        return (ObjectNode) EXAMPLES.compose(CONTRACT.schema(schema), Direction.REQUEST, true, null);
    }

    /** A body of the named schema with every property a request may send, each with its example. */
    public static ObjectNode everyField(String schema) {
        return (ObjectNode) EXAMPLES.compose(schema, Direction.REQUEST);
    }

    /** The named schema as an answer has it: every property but the write-only ones, each with its example. */
    public static ObjectNode answered(String schema) {
        return (ObjectNode) EXAMPLES.compose(schema, Direction.ANSWER);
    }
}
