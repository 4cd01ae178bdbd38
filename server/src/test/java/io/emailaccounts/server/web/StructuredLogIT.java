package io.emailaccounts.server.web;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.server.support.PackagedServer;
import io.emailaccounts.server.support.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged server with Spring Boot's structured logging, in the Elastic Common Schema's format and in Logstash's, as
 * the Operations guide turns it on: every line it writes is one JSON object; the access log's values and the request's id are fields of
 * their own, as the guide's sample (of the first format) shows them; and no password, token, key or stored secret appears in any line, through
 * sign-ins good and bad, tokens used and refreshed, and a record stored with its secrets.
 */
class StructuredLogIT {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final String GOOGLE_TOKEN = "ya29.GOOGLE-SECRET-in-a-json-log";
    private static final String WRONG_PASSWORD = "wrong-but-still-secret-json";

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void shouldWriteEveryLineAsJsonWithTheAccessLogsFieldsAndNoSecret(String format) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(GOOGLE_TOKEN, WRONG_PASSWORD));
        String readId;
        String refusedId;
        try (PackagedServer server = PackagedServer.start(folder, List.of("--logging.structured.format.console=" + format))) {
            String credentials = Files.readString(folder.resolve("data/dev-credentials")).strip();
            String user = credentials.substring(0, credentials.indexOf(':'));
            String password = credentials.substring(credentials.indexOf(':') + 1);
            secrets.add(password);
            RawHttp admin = server.asAdministrator();

            ObjectNode record = (ObjectNode) RawHttp.json(requiredFieldsBody());
            record.put("GoogleAccessToken", GOOGLE_TOKEN);
            assertThat(admin.put(PATH, record.toString()).status()).isEqualTo(200);
            readId = server.asAdministrator().header("X-Request-Id", "ticket-42").get(PATH + "/12345").header(RequestIds.HEADER);
            refusedId = new RawHttp(server.baseUrl()).basicAuth(user, WRONG_PASSWORD).get(PATH + "/" + ID).header(RequestIds.HEADER);
            RawHttp.Response tokens = new RawHttp(server.baseUrl()).postForm("/api/token",
                    "grant_type=password&username=" + user + "&password=" + password);
            String accessToken = tokens.json().get("access_token").asString();
            String refreshToken = tokens.json().get("refresh_token").asString();
            secrets.addAll(List.of(accessToken, refreshToken));
            assertThat(new RawHttp(server.baseUrl()).bearer(accessToken).get(PATH + "/" + ID).status()).isEqualTo(200);
            RawHttp.Response refreshed = new RawHttp(server.baseUrl()).postForm("/api/token", "grant_type=refresh_token&refresh_token=" + refreshToken);
            secrets.add(refreshed.json().get("refresh_token").asString());
        }
        // The keys the development setup made: the one that seals the stored secrets, the one that signs the tokens.
        secrets.add(Files.readString(folder.resolve("data/secrets-key")).strip());
        secrets.add(Files.readString(folder.resolve("data/token-signing-key")).strip());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("server.log"))) {
            if (!line.isBlank()) {
                JsonNode json = RawHttp.json(line);
                assertThat(json.isObject()).as("a line that is one JSON object: %s", line).isTrue();
                lines.add(json);
            }
            for (String secret : secrets) {
                assertThat(line).as("a line of the log").doesNotContain(secret);
            }
        }
        JsonNode read = accessLine(lines, readId);
        assertThat(field(read, "http.request.method").asString()).isEqualTo("GET");
        assertThat(field(read, "http.route").asString()).isEqualTo("/api/crm/emailaccounts/{id}");
        assertThat(field(read, "event.action").asString()).isEqualTo("getEmailAccount");
        assertThat(field(read, "http.response.status_code").asInt()).isEqualTo(404);
        assertThat(field(read, "event.duration").asLong()).isPositive();
        assertThat(field(read, "user.name").isString()).isTrue();
        JsonNode refused = accessLine(lines, refusedId);
        assertThat(field(refused, "http.response.status_code").asInt()).isEqualTo(401);
        assertThat(field(refused, "event.action").asString()).isEqualTo("getEmailAccount");
        assertThat(field(refused, "user.name").isMissingNode()).as("no user signed in").isTrue();

        if (format.equals("ecs")) {
            String sample = Documentation.of(Path.of("..")).guide("operations").section("## Logs a machine reads")
                    .blocks("json").get(0);
            assertThat(fields(RawHttp.json(sample))).as("the fields of the Operations guide's sample line")
                    .isEqualTo(fields(read));
        }
    }

    /** A field of a line: nested objects in the Elastic Common Schema's format, a dotted name in Logstash's. */
    private static JsonNode field(JsonNode line, String name) {
        return line.has(name) ? line.get(name) : line.at("/" + name.replace('.', '/'));
    }

    /** The access log's line of the request with this id. */
    private static JsonNode accessLine(List<JsonNode> lines, String requestId) {
        assertThat(requestId).isNotNull();
        return lines.stream().filter(line -> field(line, "log.logger").asString(line.path("logger_name").asString(""))
                        .equals(AccessLog.LOGGER))
                .filter(line -> field(line, "http.request.id").asString("").equals(requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("no access log line with http.request.id " + requestId));
    }

    /** Each field's path, such as {@code http.request.id}, for a line's leaves and empty objects. */
    private static Set<String> fields(JsonNode line) {
        Set<String> fields = new TreeSet<>();
        collect(line, "", fields);
        return fields;
    }

    private static void collect(JsonNode node, String path, Set<String> fields) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(field -> collect(field.getValue(), path.isEmpty() ? field.getKey()
                    : path + "." + field.getKey(), fields));
        } else {
            fields.add(path);
        }
    }
}
