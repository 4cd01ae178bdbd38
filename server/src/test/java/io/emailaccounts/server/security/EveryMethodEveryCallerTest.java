package io.emailaccounts.server.security;

import static io.emailaccounts.server.support.RunningServerTest.roles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractExamples;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.ExampleBodies;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every method, sent to every path of the contract by every kind of caller, is answered as the contract's roles say:
 * made from the contract, so that an operation, a path or a role added to it is tried here with no edit. A method the
 * path does not declare is 405 with the path's {@code Allow} for everyone, before credentials are looked at; HEAD is
 * judged exactly as GET; a declared operation is 401 without credentials, 403 without its role, and answered (with a
 * status it declares) to a caller who holds the role or is an administrator; a caller limited to another business
 * holds every role and still reaches no record but its own business's.
 */
class EveryMethodEveryCallerTest extends RunningServerTest {

    private static final ApiContract CONTRACT = ExampleBodies.CONTRACT;
    private static final ContractExamples EXAMPLES = new ContractExamples(CONTRACT);
    /** The methods HTTP defines that a client may send, WebDAV's PROPFIND and one nobody defines. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "TRACE", "PROPFIND", "BREW");

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void shouldAnswerAsTheContractsRolesSay(Request request) {
        RawHttp.Response answer = request.caller().http(baseUrl()).send(request.method(), request.url(), request.contentType(),
                request.body());
        Optional<ApiContract.Operation> operation = request.operation();
        String asked = request + " answered " + answer.status() + " " + answer.body();

        if (operation.isEmpty()) {
            assertThat(answer.status()).as(asked + ": a method the path does not take").isEqualTo(405);
            assertThat(answer.header("Allow")).isEqualTo(String.join(", ", declaredMethods(request.path())));
            assertThat(answer.header("X-Content-Type-Options")).as("with the security headers").isEqualTo("nosniff");
            if (!"HEAD".equals(request.method())) {
                assertThat(answer.json().path("Message").asString())
                        .startsWith("Method " + request.method() + " is not supported here");
            }
            return;
        }
        if ("HEAD".equals(request.method())) {
            RawHttp.Response get = request.caller().http(baseUrl()).get(request.url());
            assertThat(answer.status()).as(asked + ": HEAD is judged as GET").isEqualTo(get.status());
            assertThat(answer.body()).as("HEAD has no body").isEmpty();
            return;
        }
        if (operation.get().anonymous()) {
            assertThat(answer.status()).as(asked + ": an operation open to anyone").isNotIn(401, 403, 405);
        } else if (request.caller() == Caller.ANONYMOUS) {
            assertThat(answer.status()).as(asked + ": no credentials").isEqualTo(401);
        } else if (!request.caller().mayCall(operation.get())) {
            assertThat(answer.status()).as(asked + ": a caller without the role").isEqualTo(403);
            assertThat(answer.json().path("Message").asString()).contains(operation.get().requiredRole().orElseThrow());
        } else if (request.caller() == Caller.OTHER_BUSINESS && request.body() != null) {
            assertThat(answer.status()).as(asked + ": a body naming a business the caller is not limited to").isEqualTo(403);
        } else if (request.caller() == Caller.OTHER_BUSINESS && request.path().contains("{")) {
            assertThat(answer.status()).as(asked + ": a record of a business the caller is not limited to").isEqualTo(404);
        } else {
            assertThat(answer.status()).as(asked + ": a caller with the role").isBetween(200, 299);
            if (request.caller() == Caller.OTHER_BUSINESS) {
                assertThat(answer.json().path("Records").valueStream().map(record -> record.path("BusinessId").asLong()))
                        .as("a search finds nothing of another business").isEmpty();
            }
        }
        assertThat(operation.get().node().path("responses").has(Integer.toString(answer.status())))
                .as(asked + ": a status the operation declares").isTrue();
    }

    /** One request per method, path of the contract and caller. */
    static Stream<Request> requests() {
        List<Request> requests = new ArrayList<>();
        for (String path : new TreeSet<>(CONTRACT.operations().stream().map(ApiContract.Operation::path).toList())) {
            for (String method : METHODS) {
                for (Caller caller : Caller.all()) {
                    requests.add(new Request(method, path, caller));
                }
            }
        }
        return requests.stream();
    }

    private static Set<String> declaredMethods(String path) {
        return new TreeSet<>(CONTRACT.operations().stream().filter(operation -> operation.path().equals(path))
                .map(ApiContract.Operation::method).toList());
    }

    /** Who sends the request: made from the contract's roles, one caller per role. */
    record Caller(String name, String username, String password, Optional<String> role) {

        static final Caller ANONYMOUS = new Caller("anonymous", null, null, Optional.empty());
        static final Caller NO_ROLE = new Caller("a user with no role", VIEWER, VIEWER_PASSWORD, Optional.empty());
        static final Caller ADMINISTRATOR = new Caller("an administrator", ADMIN, ADMIN_PASSWORD, Optional.empty());
        static final Caller OTHER_BUSINESS = new Caller("a user of another business with every role",
                RunningServerTest.OTHER_BUSINESS, ROLE_PASSWORD, Optional.empty());

        static List<Caller> all() {
            List<Caller> callers = new ArrayList<>(List.of(ANONYMOUS, NO_ROLE, ADMINISTRATOR, OTHER_BUSINESS));
            roles(CONTRACT).forEach(role -> callers.add(new Caller("a user with the role " + role, roleUser(role), ROLE_PASSWORD,
                    Optional.of(role))));
            return callers;
        }

        RawHttp http(String baseUrl) {
            RawHttp http = new RawHttp(baseUrl);
            return username == null ? http : http.basicAuth(username, password);
        }

        /** Whether the contract lets this caller call the operation (sent without the query parameters that change the role). */
        boolean mayCall(ApiContract.Operation operation) {
            if (this == ANONYMOUS) {
                return operation.anonymous();
            }
            if (this == ADMINISTRATOR || this == OTHER_BUSINESS) {
                return true;
            }
            return operation.requiredRole().isEmpty() || operation.requiredRole().equals(role);
        }
    }

    /** One request; every caller is tried with and without a role for every operation the contract has. */
    record Request(String method, String path, Caller caller) {

        Optional<ApiContract.Operation> operation() {
            String judgedAs = "HEAD".equals(method) ? "GET" : method;
            return CONTRACT.operations().stream()
                    .filter(operation -> operation.path().equals(path) && operation.method().equals(judgedAs)).findFirst();
        }

        String url() {
            return path.replace("{id}", Long.toString(EmailAccountRecords.ID));
        }

        String contentType() {
            return body() == null ? null : "application/json";
        }

        /** The operation's JSON body, composed of the contract's examples, for record {@link EmailAccountRecords#ID}. */
        String body() {
            JsonNode schema = operation().map(found -> found.node().path("requestBody").path("content")
                    .path("application/json").path("schema")).orElse(null);
            if (schema == null || schema.isMissingNode()) {
                return null;
            }
            JsonNode body = EXAMPLES.compose(schema, ContractExamples.Direction.REQUEST, true, null);
            if (body instanceof ObjectNode object && "PUT".equals(method)) {
                object.put("Id", EmailAccountRecords.ID);
            }
            return body.toString();
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + caller.name();
        }
    }
}
