package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.client.api.EmailAccountsApi.APISearchEmailAccountsRequest;
import io.emailaccounts.contract.ApiContract;

/**
 * The search's query builder is generated from the contract: every parameter the contract gives the search operation
 * has a builder method, and a value set through it reaches the wire under the contract's name.
 */
class SearchQueryTest {

    private static final Path CONTRACT = Path.of("..", "api", "openapi.yaml");
    private static final String PAGE = """
            {"Records": [], "CurrentPage": 1, "CurrentPageSize": 2, "CurrentOrderField": "Id", "CurrentSortDirection": 0,
             "FirstItem": 0, "LastItem": 0, "TotalItems": 0, "TotalPages": 0, "HasNextPage": false, "HasPreviousPage": false}
            """;

    private final RecordingServer server = new RecordingServer();
    private final EmailAccounts emailAccounts = new EmailAccounts(NexudusClients.basicAuth(server.baseUrl(), "a", "b"));

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldSendEveryParameterOfTheContractsSearchUnderItsName() throws Exception {
        server.answer(200, PAGE);
        APISearchEmailAccountsRequest.Builder query = EmailAccounts.query();
        Map<String, Object> sent = new LinkedHashMap<>();
        for (Method setter : APISearchEmailAccountsRequest.Builder.class.getDeclaredMethods()) {
            if (setter.getParameterCount() == 1 && setter.getReturnType() == APISearchEmailAccountsRequest.Builder.class) {
                Object value = sampleOf(setter.getParameterTypes()[0]);
                setter.invoke(query, value);
                sent.put(setter.getName(), value);
            }
        }

        emailAccounts.search(query, 3, 50);

        String wire = server.requests().get(0).path();
        Map<String, String> parameters = Arrays.stream(wire.substring(wire.indexOf('?') + 1).split("&"))
                .map(pair -> URLDecoder.decode(pair, StandardCharsets.UTF_8).split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        assertThat(parameters.keySet()).as("the query parameters sent, set through %s", sent.keySet())
                .containsExactlyInAnyOrderElementsOf(searchParametersOfTheContract());
        assertThat(parameters).containsEntry("page", "3").containsEntry("size", "50");
    }

    private static Set<String> searchParametersOfTheContract() {
        Set<String> names = new TreeSet<>();
        ApiContract.read(CONTRACT).operation("searchEmailAccounts").parameters()
                .forEach(parameter -> names.add(parameter.path("name").asString()));
        assertThat(names).as("the search parameters of %s", CONTRACT).isNotEmpty();
        return names;
    }

    /** A value of the type a builder method takes. */
    private static Object sampleOf(Class<?> type) {
        if (type == Integer.class) {
            return 7;
        }
        if (type == Long.class) {
            return 7L;
        }
        if (type == Boolean.class) {
            return true;
        }
        if (type.getPackageName().endsWith(".model")) {
            // A contract enum: its first listed value.
            try {
                return ((java.util.List<?>) type.getMethod("values").invoke(null)).get(0);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(type + " is not one of the contract's enums", e);
            }
        }
        assertThat(type).as("a parameter type this test can fill").isEqualTo(String.class);
        return "x";
    }
}
