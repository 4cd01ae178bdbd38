package io.emailaccounts.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractExamples;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.support.FailingDatabase;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.StandaloneServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer the contract shows as an example is what the server answers to the request it illustrates: each
 * documented example is replayed against the server and compared as JSON. Only what changes with every request
 * (the time of a change, the tokens a grant issues) is taken as it comes, after its type is checked. An example
 * added to the contract without a replay here fails this test, naming it.
 */
class DocumentedExamplesTest extends RunningServerTest {

    private static final ApiContract CONTRACT = ServedContract.load();
    /** Every example of the contract, composed ones with their values, by name. */
    private static final Map<String, ContractExamples.Example> EXAMPLES = new LinkedHashMap<>();
    private static final String PATH = "/api/crm/emailaccounts";
    private static final long ID = 87654321L;
    /** The record every example shows, stored as the get-one example has it. */
    private static final String RECORD_EXAMPLE = "GET /api/crm/emailaccounts/{id} 200 record";

    static {
        new ContractExamples(CONTRACT).all().forEach(example -> EXAMPLES.put(example.name(), example));
    }

    /** A server with the limits operators get by default, for the 429 examples, and a database it cannot use (500). */
    private static ConfigurableApplicationContext limited;
    /** A server whose database fails on demand, for the 503 examples. */
    private static ConfigurableApplicationContext failing;

    /** How an example is brought about, and the properties that change with every request. */
    private record Replay(Supplier<RawHttp.Response> request, Set<String> changing) {
        static Replay of(Supplier<RawHttp.Response> request, String... changing) {
            return new Replay(request, Set.of(changing));
        }
    }

    @BeforeAll
    static void startALimitedServer() {
        // It also allows one other origin, for the example of a request from a page of another (CORS).
        limited = StandaloneServer.start("--spring.datasource.url=jdbc:h2:mem:documented-examples;DB_CLOSE_DELAY=-1",
                "--emailaccounts.cors.allowed-origins=https://app.example.com");
        // Broken on purpose, for the 500 example: every read of a record fails (its log shows a BadSqlGrammarException,
        // "Table EMAIL_ACCOUNT not found"), which no rule foresees. It says nothing of the migrations.
        limited.getBean(JdbcClient.class).sql("DROP TABLE email_account").update();
        failing = StandaloneServer.start("--spring.datasource.url=jdbc:h2:mem:documented-outage;DB_CLOSE_DELAY=-1",
                "--spring.main.sources=" + FailingDatabase.class.getName());
    }

    @AfterAll
    static void stopTheLimitedServer() {
        if (limited != null) {
            limited.close();
        }
        if (failing != null) {
            failing.close();
        }
    }

    @Test
    void shouldAnswerEveryDocumentedExampleAsTheContractShowsIt() {
        Map<String, JsonNode> documented = documentedAnswers();
        Map<String, Replay> replays = replays();
        assertThat(replays.keySet()).as("the contract's examples of answers, each replayed here")
                .containsExactlyInAnyOrderElementsOf(documented.keySet());

        SoftAssertions softly = new SoftAssertions();
        documented.forEach((name, example) -> {
            storeTheExampleRecord();
            Replay replay = replays.get(name);
            JsonNode answer = replay.request().get().json();
            softly.assertThat(withChangingTakenFrom(example, answer, replay.changing())).as(name).isEqualTo(example);
        });
        softly.assertAll();
    }

    private Map<String, Replay> replays() {
        Map<String, Replay> replays = new LinkedHashMap<>();
        replays.put("GET /api/crm/emailaccounts 200 page", Replay.of(() -> asAdmin().get(PATH + "?EmailAccount_Business=1001&orderBy=DisplayName")));
        replays.put("GET /api/crm/emailaccounts 200 batch", Replay.of(() -> asAdmin().get(PATH + "?id=%5B87654321%5D")));
        replays.put("POST /api/crm/emailaccounts 200", Replay.of(() -> asAdmin().send("POST", PATH, "application/json",
                requestExample("POST " + PATH)), "/UpdatedOn"));
        replays.put("PUT /api/crm/emailaccounts 200", Replay.of(() -> asAdmin().put(PATH,
                requestExample("PUT " + PATH)), "/UpdatedOn"));
        replays.put(RECORD_EXAMPLE, Replay.of(() -> asAdmin().get(PATH + "/" + ID)));
        replays.put("DELETE /api/crm/emailaccounts/{id} 200", Replay.of(() -> asAdmin().send("DELETE", PATH + "/" + ID, null, null),
                "/UpdatedOn"));
        replays.put("POST /api/token 200", Replay.of(() -> http().postForm("/api/token",
                "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD), "/access_token", "/refresh_token", "/expires_in"));
        replays.put("POST /api/token 400", Replay.of(() -> http().postForm("/api/token",
                "grant_type=password&username=" + ADMIN + "&password=wrong")));

        replays.put("ValidationFailed requiredField", Replay.of(() -> asAdmin().put(PATH, withoutDisplayName())));
        replays.put("ValidationFailed severalRules", Replay.of(() -> asAdmin().put(PATH, withBody(body -> body
                .put("EmailAddress", "helpdesk.example.com").put("IncomingServerPort", 70000)))));
        replays.put("Unauthorized", Replay.of(() -> http().get(PATH + "/" + ID)));
        replays.put("CrossOriginRefused", Replay.of(() -> StandaloneServer.http(limited).header("Origin", "https://elsewhere.example")
                .postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD)));
        replays.put("Forbidden", Replay.of(() -> http().basicAuth(VIEWER, VIEWER_PASSWORD).put(PATH, withBody(body -> { }))));
        replays.put("NotFound", Replay.of(() -> asAdmin().get(PATH + "/12345")));
        replays.put("MethodNotAllowed", Replay.of(() -> asAdmin().send("PATCH", PATH, "application/json", "{}")));
        replays.put("NotAcceptable", Replay.of(() -> asAdmin().header("Accept", "application/xml").get(PATH + "/" + ID)));
        replays.put("PreconditionFailed", Replay.of(() -> {
            jdbc.sql("UPDATE email_account SET version = 5 WHERE id = ?").param(ID).update();
            return asAdmin().header("If-Match", "\"3\"").put(PATH, withBody(body -> { }));
        }));
        replays.put("PayloadTooLarge", Replay.of(() -> asAdmin().put(PATH, withBody(body -> body.put("DisplayName", "x".repeat(70_000))))));
        replays.put("UnsupportedMediaType", Replay.of(() -> asAdmin().send("PUT", PATH, "text/plain", "Help desk inbox")));
        replays.put("TooManyRequests writes", Replay.of(() -> {
            RawHttp limitedAdmin = StandaloneServer.asAdmin(limited);
            RawHttp.Response answer = limitedAdmin.put(PATH, "{}");
            // The limit refills as time passes: as many writes as it takes, within reason.
            for (int write = 1; write <= 5_000 && answer.status() != 429; write++) {
                answer = limitedAdmin.put(PATH, "{}");
            }
            return answer;
        }));
        replays.put("TooManyRequests signIns", Replay.of(() -> {
            RawHttp wrongPassword = StandaloneServer.http(limited).basicAuth("someone@example.com", "wrong");
            RawHttp.Response answer = wrongPassword.get(PATH + "/1");
            for (int attempt = 1; attempt <= 10 && answer.status() != 429; attempt++) {
                answer = wrongPassword.get(PATH + "/1");
            }
            return answer;
        }));
        replays.put("InternalError", Replay.of(() -> StandaloneServer.asAdmin(limited).get(PATH + "/1")));
        replays.put("ServiceUnavailable unavailable", Replay.of(() -> whileTheDatabase(FailingDatabase.Failure.UNREACHABLE,
                () -> StandaloneServer.asAdmin(failing).put(PATH, requestExample("PUT " + PATH)))));
        replays.put("ServiceUnavailable outcomeUnknown", Replay.of(() -> whileTheDatabase(FailingDatabase.Failure.COMMIT_LOST,
                () -> StandaloneServer.asAdmin(failing).send("POST", PATH, "application/json", requestExample("POST " + PATH)))));
        replays.put("ValidationFailed idempotencyKey", Replay.of(() -> asAdmin().header("Idempotency-Key", "\"\"")
                .send("POST", PATH, "application/json", requestExample("POST " + PATH))));
        replays.put("IdempotencyKeyReused", Replay.of(() -> {
            String key = UUID.randomUUID().toString();
            asAdmin().header("Idempotency-Key", key).send("POST", PATH, "application/json", requestExample("POST " + PATH));
            return asAdmin().header("Idempotency-Key", key).send("POST", PATH, "application/json",
                    withBody(body -> body.remove("Id")));
        }));
        replays.put("IdempotencyKeyInFlight", Replay.of(() -> {
            String key = UUID.randomUUID().toString();
            Supplier<RawHttp.Response> create = () -> StandaloneServer.asAdmin(failing).header("Idempotency-Key", key)
                    .send("POST", PATH, "application/json", requestExample("POST " + PATH));
            FailingDatabase.failing(FailingDatabase.Failure.COMMIT_HELD);
            CompletableFuture<RawHttp.Response> first = CompletableFuture.supplyAsync(create);
            try {
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
                while (FailingDatabase.heldCommits() == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                return create.get();
            } finally {
                FailingDatabase.failing(FailingDatabase.Failure.NONE);
                first.join();
            }
        }));
        return replays;
    }

    private static RawHttp.Response whileTheDatabase(FailingDatabase.Failure failure, Supplier<RawHttp.Response> request) {
        FailingDatabase.failing(failure);
        try {
            return request.get();
        } finally {
            FailingDatabase.failing(FailingDatabase.Failure.NONE);
        }
    }

    /** Every example of an answer in the contract: of an operation, or of a shared response (by its name). */
    private static Map<String, JsonNode> documentedAnswers() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        EXAMPLES.values().stream().filter(example -> example.direction() == ContractExamples.Direction.ANSWER)
                .filter(example -> example.pointer().startsWith("/paths/") || example.pointer().startsWith("/components/responses/"))
                .forEach(example -> answers.put(example.name(), example.value()));
        return answers;
    }

    /** The example with the changing properties as the answer has them, once they are of the example's kind. */
    private static JsonNode withChangingTakenFrom(JsonNode example, JsonNode answer, Set<String> changing) {
        if (!(answer instanceof ObjectNode object)) {
            return answer;
        }
        ObjectNode result = object.deepCopy();
        for (String pointer : changing) {
            JsonNode documented = example.at(pointer);
            JsonNode answered = answer.at(pointer);
            boolean sameKind = documented.getNodeType() == answered.getNodeType()
                    && (!pointer.endsWith("On") || isDateTime(answered.asString()));
            if (sameKind) {
                result.set(pointer.substring(1), documented);
            }
        }
        return result;
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The operation's first request example, as JSON text ({@code PUT /api/crm/emailaccounts}). */
    private static String requestExample(String operation) {
        return EXAMPLES.values().stream().filter(example -> example.name().startsWith(operation + " request"))
                .findFirst().orElseThrow().value().toString();
    }

    private static String withBody(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode body = (ObjectNode) RawHttp.json(requestExample("PUT " + PATH));
        change.accept(body);
        return body.toString();
    }

    private static String withoutDisplayName() {
        return withBody(body -> body.remove("DisplayName"));
    }

    /** The record of the examples, stored exactly as the get-one example shows it (version 3), the only one. */
    private void storeTheExampleRecord() {
        jdbc.sql("DELETE FROM email_account").update();
        JsonNode record = EXAMPLES.get(RECORD_EXAMPLE).value();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (EmailAccountField<?> field : EmailAccountSchema.of(CONTRACT).fields()) {
            JsonNode value = record.path(field.name());
            if (field.stored() && !value.isMissingNode()) {
                columns.put(field.column(), value.isNull() ? null : field.type().parse(value.asString()));
            }
        }
        columns.put("version", 3L);
        records.insert(ID, columns);
        jdbc.sql("ALTER TABLE email_account ALTER COLUMN id RESTART WITH " + (ID + 1)).update();
    }
}
