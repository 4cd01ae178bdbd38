package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.secrets.SecretCipher;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.Gen;
import io.emailaccounts.server.support.Gen.Weighted;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.StandaloneServer;
import io.emailaccounts.server.support.conformance.ContractConformance;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of generated hostile requests (wrong types, huge numbers, deep nesting, control characters, very long
 * strings, broken JSON, odd query strings): the server never answers 5xx, every refusal is the error envelope, every
 * answer conforms to the contract, and the stored records do not change. The requests come from a seeded generator:
 * each try is named with the run's seed, and {@code -Dtest.seed=...} repeats a run exactly.
 */
class HostileRequestsIT {

    private static final String PATH = "/api/crm/emailaccounts";
    /** Keeps huge numbers as written (a double would turn 1e999 into Infinity, which is written as a string). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ApiContract CONTRACT = ServedContract.load();
    private static final EmailAccountSchema SCHEMA = EmailAccountSchema.of(CONTRACT);
    /** The properties of an update body, Id and every writable field, with their schemas: each gets hostile values. */
    private static final Map<String, JsonNode> BODY_PROPERTIES = bodyProperties();
    private static final List<String> REQUIRED = SCHEMA.fields().stream()
            .filter(field -> field.writable() && field.required()).map(EmailAccountField::name).toList();
    /** Every query parameter of the search, and one it does not have. */
    private static final List<String> QUERY_PARAMETERS = queryParameters();

    private static ConfigurableApplicationContext server;
    private static RawHttp admin;
    private static EmailAccountRecords records;
    private static List<Map<String, Object>> storedRows;

    @BeforeAll
    static void startServer() {
        System.out.println("Hostile requests generated from seed " + Gen.SEED + " (-Dtest.seed=" + Gen.SEED + " repeats them)");
        server = StandaloneServer.start(
                "--spring.datasource.url=" + System.getProperty("test.datasource.url", "jdbc:h2:mem:hostile-requests;DB_CLOSE_DELAY=-1"),
                "--spring.datasource.username=" + System.getProperty("test.datasource.username", "sa"),
                "--spring.datasource.password=" + System.getProperty("test.datasource.password", ""),
                "--emailaccounts.rate-limit.enabled=false");
        admin = StandaloneServer.asAdmin(server);
        records = new EmailAccountRecords(server.getBean(JdbcClient.class), server.getBean(SecretCipher.class));
        records.reset();
        storedRows = allRows();
        ContractConformance.drainProblems();
    }

    /** A failed try may have changed the records; the next one starts from the same state again. */
    @BeforeEach
    void restoreRecords() {
        if (!allRows().equals(storedRows)) {
            records.reset();
            storedRows = allRows(); // the same record; its tokens encrypted anew
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileUpdates")
    void shouldRefuseHostileUpdatesWithTheEnvelopeAndChangeNothing(String body) {
        assertRefusedAndNothingChanged(admin.put(PATH, body), body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileCreates")
    void shouldRefuseHostileCreatesWithTheEnvelopeAndChangeNothing(String body) {
        assertRefusedAndNothingChanged(admin.send("POST", PATH, "application/json", body), body);
    }

    private static void assertRefusedAndNothingChanged(RawHttp.Response response, String body) {
        assertThat(response.status()).as("status of %s", abbreviated(body)).isIn(400, 413);
        assertIsTheEnvelope(response);
        assertThat(allRows()).as("stored records after %s", abbreviated(body)).isEqualTo(storedRows);
        assertThat(ContractConformance.drainProblems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileKeys")
    void shouldRefuseHostileIdempotencyKeysNamingTheHeaderAndChangeNothing(String key) {
        RawHttp.Response response = StandaloneServer.asAdmin(server).header("Idempotency-Key", key)
                .send("POST", PATH, "application/json", validBody().toString());

        assertRefusedAndNothingChanged(response, "Idempotency-Key: " + key);
        assertThat(response.json().get("Errors").get(0).get("PropertyName").asString()).isEqualTo("Idempotency-Key");
    }

    /**
     * The boundary a generated deep nesting once hit: a field's value nested just under the parser's limit (500) was
     * read, refused, and then echoed in AttemptedValue one envelope deeper than the JSON writer allows, breaking the
     * answer half-way. Every depth around the limits, as an array and as an object.
     */
    @Test
    void shouldRefuseValuesNestedAroundTheParsersLimitWithAWholeEnvelope() {
        for (int depth = 470; depth <= 530; depth++) {
            for (String value : List.of("[".repeat(depth) + "]".repeat(depth), "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))) {
                String text = validBody().toString().replace("\"DisplayName\":\"Hostile inbox\"", "\"DisplayName\":" + value);
                assertRefusedAndNothingChanged(admin.send("POST", PATH, "application/json", text), text);
                assertRefusedAndNothingChanged(admin.put(PATH, text), text);
            }
        }
    }

    /** The boundary a generated "huge" number once missed: the largest int64 is a valid id, one more is not. */
    @Test
    void shouldTakeEveryInt64BusinessIdAndRefuseOneBeyond() {
        ObjectNode largest = validBody();
        largest.put("BusinessId", Long.MAX_VALUE);
        assertThat(admin.send("POST", PATH, "application/json", largest.toString()).status()).isEqualTo(200);

        ObjectNode beyond = validBody();
        beyond.put("BusinessId", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        RawHttp.Response refused = admin.send("POST", PATH, "application/json", beyond.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertIsTheEnvelope(refused);
        assertThat(refused.json().get("Errors").get(0).get("PropertyName").asString()).isEqualTo("BusinessId");
        assertThat(ContractConformance.drainProblems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileQueries")
    void shouldAnswerHostileSearchesWithResultsOrTheEnvelope(String query) {
        RawHttp.Response response = admin.get(PATH + "?" + query);

        assertThat(response.status()).as("status of ?%s", abbreviated(query)).isIn(200, 400);
        if (response.status() != 200) {
            assertIsTheEnvelope(response);
        }
        assertThat(ContractConformance.drainProblems()).as("conformance of ?%s", abbreviated(query)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void shouldAnswerHostileIdsWithTheRecordOrTheEnvelope(IdRequest request) {
        String path = PATH + "/" + URLEncoder.encode(request.id(), StandardCharsets.UTF_8).replace("+", "%20");
        RawHttp.Response response = request.delete() ? admin.send("DELETE", path, null, null) : admin.get(path);

        assertThat(response.status()).as("status of %s", abbreviated(path)).isIn(400, 404);
        assertIsTheEnvelope(response);
        assertThat(allRows()).isEqualTo(storedRows);
        assertThat(ContractConformance.drainProblems()).isEmpty();
    }

    /**
     * Any method, to any path, with or without credentials: HEAD answers as GET does without a body; a method the path
     * does not take (OPTIONS, TRACE, lower-case or made-up ones included) is 405 with the path's Allow, to anyone; a
     * path the server does not have is 404; never 5xx; a refusal changes nothing and is the envelope.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileMethods")
    void shouldAnswerAnyMethodOnAnyPathAsTheContractSays(MethodRequest request) {
        RawHttp http = request.signedIn() ? StandaloneServer.asAdmin(server) : new RawHttp(admin.baseUrl());
        RawHttp.Response response = http.send(request.method(), request.path(), null, null);

        Set<String> declared = declaredMethods(request.path());
        String asked = request + " answered " + response.status();
        if (declared.isEmpty()) {
            assertThat(response.status()).as(asked + ": a path the server does not have").isEqualTo(404);
        } else if (!declared.contains(request.method()) && !(request.method().equals("HEAD") && declared.contains("GET"))) {
            assertThat(response.status()).as(asked + ": a method the path does not take").isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo(String.join(", ", declared));
        } else {
            assertThat(response.status()).as(asked).isLessThan(500).isNotEqualTo(405);
        }
        if (request.method().equals("HEAD")) {
            assertThat(response.body()).as(asked + ": HEAD has no body").isEmpty();
        } else if (response.status() >= 400) {
            assertIsTheEnvelope(response);
        }
        if (response.status() >= 400) {
            assertThat(allRows()).as(asked + ": nothing changed").isEqualTo(storedRows);
        }
        assertThat(ContractConformance.drainProblems()).as(asked).isEmpty();
    }

    // --- Generators ------------------------------------------------------------------------------------------------

    /** Methods HTTP and WebDAV define, lower-case ones, made-up tokens; paths of the contract and beside it, and none. */
    static Stream<Named<MethodRequest>> hostileMethods() {
        Gen<String> methods = Gen.oneOf(
                Gen.of("HEAD", "OPTIONS", "TRACE", "PATCH", "PROPFIND", "MKCOL", "LOCK", "get", "Post", "DELETE", "GET"),
                // CONNECT is left out: Java's HTTP client cannot send it.
                Gen.strings(1, 12, Gen.codePoints('A', 'Z')).filter(method -> !method.equals("CONNECT")));
        Gen<String> paths = Gen.oneOf(
                Gen.of(CONTRACT.operations().stream().map(operation -> operation.path().replace("{id}", "87654321")).toList()),
                Gen.of("/", "/docs/", "/openapi.yaml", "/actuator/health", "/actuator/prometheus", "/actuator/backup",
                        "/actuator", "/actuator/env", "/actuator/heapdump", "/webjars/swagger-ui/index.html", "/error",
                        "/api", "/api/crm/emailaccounts/", "/api/crm/emailaccounts/1/x", "/h2-console", "/nothing"));
        return tries("methods", 300, methods.flatMap(method -> paths.flatMap(path -> Gen.booleans()
                .map(signedIn -> new MethodRequest(method, path, signedIn)))));
    }

    /** The methods the server serves the path with: the contract's, or those of a path served beside it. */
    private static Set<String> declaredMethods(String path) {
        Set<String> methods = new TreeSet<>();
        CONTRACT.operations().stream().filter(operation -> path.equals(operation.path().replace("{id}", "87654321")))
                .forEach(operation -> methods.add(operation.method()));
        switch (path) {
            case "/", "/docs/", "/openapi.yaml", "/actuator/health", "/actuator/prometheus" -> methods.add("GET");
            case "/actuator/backup" -> methods.add("POST");
            default -> { }
        }
        return methods;
    }

    record MethodRequest(String method, String path, boolean signedIn) {
        @Override
        public String toString() {
            return method + " " + path + (signedIn ? " as an administrator" : " without credentials");
        }
    }

    static Stream<Named<String>> hostileUpdates() {
        return tries("updates", 1000, hostileBodies(allFields()));
    }

    /** A create ignores Id, so a bad Id alone does not make a create hostile. */
    static Stream<Named<String>> hostileCreates() {
        return tries("creates", 1000, hostileBodies(allFields().stream().filter(field -> !field.equals("Id")).toList()));
    }

    static Stream<Named<String>> hostileQueries() {
        Gen<String> pair = Gen.of(QUERY_PARAMETERS).flatMap(name -> queryValue()
                .map(value -> name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return tries("queries", 1500, pair.list(1, 4).map(pairs -> String.join("&", pairs)));
    }

    /** Ids that are not ids, each read or deleted. */
    /**
     * Keys that are not keys, by construction: too long, blanks inside, broken quoting, empty. (Not ASCII: Java's HTTP
     * client sends such a character as '?'; EmailAccountFailuresTest sends one.)
     */
    static Stream<Named<String>> hostileKeys() {
        Gen<String> keys = Gen.oneOf(
                Gen.strings(256, 400, Gen.codePoints(0x21, 0x7e)).map(text -> "k" + text),
                Gen.strings(1, 5, Gen.of(0x20, 0x09)).map(blanks -> "k" + blanks + "k"),
                Gen.strings(0, 300, Gen.codePoints(0x20, 0x7e)).map(text -> "\"" + text.replace("\\", "").replace("\"", "") + "\\x\""),
                Gen.of("", "\"", "\"\"", "\"a", "a\"", "\"a\"b\"", "\"a\\\"", "\"" + "x".repeat(256) + "\""));
        return tries("keys", 300, keys);
    }

    static Stream<Named<IdRequest>> hostileIds() {
        Gen<String> ids = Gen.oneOf(
                Gen.strings(1, 30),
                Gen.strings(1, 5, Gen.codePoints(0x00, 0x1f)),
                hugeNumberText(),
                Gen.of("0", "-1", "1.5", "1e3", "0x10", "[1]", "null", " ", "9223372036854775808"));
        return tries("ids", 500, ids.flatMap(id -> Gen.booleans().map(delete -> new IdRequest(id, delete))));
    }

    record IdRequest(String id, boolean delete) {
        @Override
        public String toString() {
            return (delete ? "DELETE " : "GET ") + id;
        }
    }

    /** Each try named with its number, the run's seed and (the start of) its value. */
    private static <T> Stream<Named<T>> tries(String test, int count, Gen<T> generator) {
        return generator.tries(test, count).map(tried -> Named.of(
                "try " + tried.number() + " of seed " + Gen.SEED + ": " + abbreviated(tried.value().toString(), 80),
                tried.value()));
    }

    private static Gen<String> hostileBodies(List<String> fields) {
        return Gen.frequency(List.of(
                new Weighted<>(6, fieldWithHostileValue(fields)),
                new Weighted<>(1, missingRequiredField()),
                new Weighted<>(1, deepNesting()),
                new Weighted<>(1, brokenJson()),
                new Weighted<>(1, Gen.strings(0, 200))));
    }

    /** A valid update body with one or two fields replaced by a value the field does not take. */
    private static Gen<String> fieldWithHostileValue(List<String> fields) {
        Gen<Map.Entry<String, JsonNode>> replacement = Gen.of(fields)
                .flatMap(field -> hostileValueFor(field).map(value -> Map.entry(field, value)));
        return replacement.list(1, 2).map(replacements -> {
            ObjectNode body = validBody();
            replacements.forEach(entry -> body.set(entry.getKey(), entry.getValue()));
            return body.toString();
        });
    }

    private static Gen<String> missingRequiredField() {
        return Gen.of(REQUIRED).map(field -> {
            ObjectNode body = validBody();
            body.remove(field);
            return body.toString();
        });
    }

    /** Arrays or objects nested up to far beyond any parser's limit, alone or as a field's value. */
    private static Gen<String> deepNesting() {
        return Gen.integers(1, 30_000).flatMap(depth -> Gen.of(
                "[".repeat(depth) + "]".repeat(depth),
                "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                validBody().toString().replace("\"DisplayName\":\"Hostile inbox\"",
                        "\"DisplayName\":" + "[".repeat(depth) + "]".repeat(depth))));
    }

    private static Gen<String> brokenJson() {
        String valid = validBody().toString();
        return Gen.oneOf(
                Gen.of("", " ", "{", "}", "[]", "null", "true", "123", "\"text\"", "{\"Id\":}", "{'Id': 1}",
                        valid + "garbage", valid + valid, valid.replace("{", "{\"Id\":1,"),
                        valid.replace(":", "::"), valid.substring(0, valid.length() / 2), "NaN", "{\"Id\": NaN}",
                        "{\"Id\": Infinity}", "{\"Id\": 1e999999999}", "{\"Id\": -}", "{\"Id\": 01}"),
                Gen.integers(0, valid.length() - 1).map(cut -> valid.substring(0, cut)));
    }

    /** Values the field's schema refuses (or this server's own rule: no NUL in text), by its type and bounds. */
    private static Gen<JsonNode> hostileValueFor(String field) {
        JsonNode schema = BODY_PROPERTIES.get(field);
        Gen<JsonNode> wrongShape = Gen.<JsonNode>of(NODES.arrayNode(), NODES.objectNode(),
                NODES.arrayNode().add(1).add("x"), (JsonNode) NODES.objectNode().put("nested", true));
        List<Gen<JsonNode>> hostile = new ArrayList<>(List.of(wrongShape, nulText()));
        switch (schema.path("type").asString()) {
            case "integer", "number" -> {
                hostile.add(Gen.<JsonNode>of(NODES.stringNode("1"), NODES.stringNode("one"), NODES.booleanNode(false)));
                hostile.add(hugeNumberText().map(text -> JSON.readTree(text)));
                hostile.add(controlCharacterText());
                hostile.add(longText(10));
                if ("integer".equals(schema.path("type").asString())) {
                    hostile.add(Gen.<JsonNode>of(NODES.numberNode(1.5)));
                }
                if (schema.has("minimum")) {
                    hostile.add(Gen.<JsonNode>of(NODES.numberNode(schema.get("minimum").asLong() - 1)));
                }
                if (schema.has("maximum")) {
                    hostile.add(Gen.<JsonNode>of(NODES.numberNode(schema.get("maximum").asLong() + 1)));
                }
                if (field.equals("Id")) {
                    hostile.add(Gen.<JsonNode>of(NODES.nullNode(), NODES.numberNode(-5)));
                }
            }
            case "boolean" -> {
                hostile.add(numbers());
                hostile.add(Gen.<JsonNode>of(NODES.stringNode("true"), NODES.stringNode("yes")));
                hostile.add(controlCharacterText());
            }
            default -> {
                hostile.add(numbers());
                hostile.add(Gen.<JsonNode>of(NODES.booleanNode(true)));
                if ("date-time".equals(schema.path("format").asString())) {
                    hostile.add(Gen.<JsonNode>of(NODES.stringNode("yesterday"), NODES.stringNode("2025-13-45T99:99:99Z"),
                            NODES.stringNode("2025-01-15"), NODES.stringNode("")));
                    hostile.add(controlCharacterText());
                } else {
                    refusedText(schema).ifPresent(hostile::add);
                }
            }
        }
        return Gen.oneOf(hostile);
    }

    /**
     * Text the schema refuses: too short, too long, not matching its pattern, not an e-mail address. Empty when the
     * schema takes any text (within its length), as free text does.
     */
    private static java.util.Optional<Gen<JsonNode>> refusedText(JsonNode schema) {
        java.util.function.Predicate<String> refused = text -> schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()
                || schema.has("minLength") && text.length() < schema.get("minLength").asInt()
                || "email".equals(schema.path("format").asString()) && !text.contains("@")
                || schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find();
        List<String> probes = new ArrayList<>(List.of("", "   ", "Inbox\t", "\tInbox", "In\u001fbox"));
        if (schema.has("maxLength")) {
            probes.add("x".repeat(schema.get("maxLength").asInt() + 1));
        }
        if (probes.stream().noneMatch(refused)) {
            return java.util.Optional.empty();
        }
        Gen<String> candidates = Gen.oneOf(Gen.of(probes),
                controlCharacterText().map(JsonNode::asString),
                longText(schema.path("maxLength").asInt(255) + 1).map(JsonNode::asString));
        return java.util.Optional.of(candidates.filter(refused).map(NODES::stringNode));
    }

    /** Text holding the NUL character, which no text field takes. */
    private static Gen<JsonNode> nulText() {
        return Gen.of("\u0000", "Inbox\u0000", "\u0000Inbox", "In\u0000box").map(NODES::stringNode);
    }

    private static Gen<JsonNode> numbers() {
        return Gen.oneOf(
                Gen.integers().map(NODES::numberNode),
                // Infinity and NaN would be written as strings ("Infinity"), which a text field takes.
                Gen.doubles().filter(Double::isFinite).map(NODES::numberNode),
                hugeNumberText().map(text -> JSON.readTree(text)));
    }

    /**
     * Numbers outside every field's range (int64 included): just past it, long digit strings, big exponents. Nineteen
     * digits are not enough: 1000000000000000000 is a valid BusinessId.
     */
    private static Gen<String> hugeNumberText() {
        return Gen.oneOf(
                Gen.of("9223372036854775808", "-9223372036854775809", "18446744073709551616"),
                Gen.strings(20, 400, Gen.digits()).filter(digits -> digits.charAt(0) != '0'),
                Gen.integers(20, 999_999).map(exponent -> "1e" + exponent),
                Gen.integers(20, 999_999).map(exponent -> "-9.5e" + exponent));
    }

    /** Text with control characters (NUL included) somewhere in it. */
    private static Gen<JsonNode> controlCharacterText() {
        return Gen.strings(1, 3, Gen.codePoints(0x00, 0x20).map(c -> c == 0x20 ? 0x7f : c))
                .flatMap(control -> Gen.of("Inbox" + control, control + "Inbox", "In" + control + "box", control))
                .map(NODES::stringNode);
    }

    private static Gen<JsonNode> longText(int minLength) {
        return Gen.integers(minLength, 70_000).map(length -> NODES.stringNode("x".repeat(length)));
    }

    private static Gen<String> queryValue() {
        return Gen.oneOf(
                Gen.strings(0, 40),
                Gen.strings(1, 5, Gen.codePoints(0x00, 0x1f)),
                hugeNumberText(),
                Gen.integers().map(String::valueOf),
                Gen.integers(100, 6000).map("x"::repeat),
                Gen.of("", "[]", "[1,", "[99999999999999999999999]", "[1,2,-3]", "true", "yes", "1.5", "-1", "0",
                        "Id", "DisplayName", "2025-01-15T10:30:00Z", "2025-02-30T25:61:00Z", "9999-12-31T23:59:59Z",
                        "0000-01-01T00:00Z", "%", "%zz", "'; DROP TABLE email_account; --"));
    }

    private static List<String> allFields() {
        return List.copyOf(BODY_PROPERTIES.keySet());
    }

    /** Each property of the update body, with the schema that holds its type, format and bounds. */
    private static Map<String, JsonNode> bodyProperties() {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        CONTRACT.properties("EmailAccountUpdate").forEach((name, property) -> properties.put(name, property.schema()));
        return properties;
    }

    private static List<String> queryParameters() {
        List<String> names = new ArrayList<>();
        CONTRACT.operation("searchEmailAccounts").parameters().forEach(parameter -> names.add(parameter.path("name").asString()));
        names.add("Unknown");
        return names;
    }

    private static ObjectNode validBody() {
        ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        body.put("DisplayName", "Hostile inbox");
        return body;
    }

    // --- Checks ----------------------------------------------------------------------------------------------------

    private static void assertIsTheEnvelope(RawHttp.Response response) {
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode envelope = response.json();
        assertThat(envelope.get("WasSuccessful").asBoolean(true)).isFalse();
        assertThat(envelope.get("Status").asInt()).isEqualTo(response.status());
        assertThat(envelope.get("Value").isNull()).isTrue();
        assertThat(envelope.get("Errors").isArray()).isTrue();
        assertThat(envelope.get("Errors").size()).isPositive();
        assertThat(envelope.get("Message").asString()).isNotBlank();
    }

    private static List<Map<String, Object>> allRows() {
        return server.getBean(JdbcClient.class).sql("SELECT * FROM email_account ORDER BY id").query().listOfRows();
    }

    private static String abbreviated(String text) {
        return abbreviated(text, 300);
    }

    private static String abbreviated(String text, int length) {
        String shown = text.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c))
                .collect(Collectors.joining());
        return shown.length() > length ? shown.substring(0, length) + "... (" + text.length() + " characters)" : shown;
    }
}
