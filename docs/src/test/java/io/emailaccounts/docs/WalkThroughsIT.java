package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractEnum;
import io.emailaccounts.contract.ContractExamples;
import io.emailaccounts.contract.ContractExamples.Direction;
import io.emailaccounts.contract.ContractProperty;
import io.emailaccounts.contract.SearchFilter;
import io.emailaccounts.documentation.ProjectCopy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The designer's promise, proved: the walk-throughs of the guide Changing the API (api/guides/90-changing-the-api.md)
 * (add an optional field, add a value to an enum, deprecate a property, add an operation, add a role), followed as they
 * are written. The repository is copied to {@code target/walk-through/repo}, and every block of the walk-throughs is
 * applied where the sentence before it says: a YAML block "under {@code components.schemas.EmailAccountFields.properties}"
 * (entries added, a value on its key's line replaced), a SQL block as the new migration it names
 * ({@code .../V11__....sql}), a {@code java server} block into the class it names (imports with the imports, the rest
 * at the end of the class). The copy is then built as on a designer's machine ({@code mvn package}, without CI's check
 * of the composed examples: the build writes them): the contract's lint and gate, the reference rendered, both clients
 * and the server's whole suite on H2. The copy's server is started as the README runs it, with three configured users,
 * and each change is tried over HTTP, in both clients and in the reference. The build's output is in
 * {@code target/walk-through/build.log}; a failing copy is kept for a look.
 */
class WalkThroughsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "walk-through").toAbsolutePath();
    private static final Path COPY = WORK.resolve("repo");
    /** The guide that holds the walk-throughs. */
    private static final String GUIDE = "api/guides/90-changing-the-api.md";
    private static final Pattern SECTION = Pattern.compile("(?ms)^## (Walk-through: [^\\n]+)\\n(.*?)(?=^## |\\z)");
    private static final Pattern BLOCK = Pattern.compile("(?s)```(yaml|sql|java)(?: server)?\\n(.*?)```");
    private static final Pattern PLACE = Pattern.compile("under\\s+`([^`]+)`");
    private static final String WRITABLE = "EmailAccountFields";
    private static final String SEARCH = "searchEmailAccounts";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * One block of a walk-through: the file it goes to and, for YAML, the place in it. A SQL block is a new file; a
     * Java block's imports join the file's, and the rest goes at the end of its class.
     */
    private record Edit(String walkThrough, String language, String file, String place, String text) {
    }

    private static List<Edit> edits;
    private static ApiContract contract;
    private static Process server;
    private static String baseUrl;
    private static final String ADMINISTRATOR = "admin@example.com";
    private static final String EDITOR = "editor@example.com";
    private static final String HELP_DESK = "helpdesk@example.com";
    private static final String PASSWORD = "walk-through-password";
    /** Whether anything failed, the set-up included: the copy is then kept for a look. */
    private static boolean failed = true;

    @RegisterExtension
    static final TestWatcher KEEP_A_FAILED_COPY = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeAll
    static void followTheWalkThroughsOnACopyAndBuildIt() throws Exception {
        edits = walkThroughs();
        ProjectCopy.of(ROOT, COPY);
        for (Edit edit : edits) {
            Path file = COPY.resolve(edit.file());
            // A designer who has followed a walk-through and builds: what is made already is not made twice.
            if (edit.language().equals("java")) {
                Files.writeString(file, JavaEdit.apply(Files.readString(file), edit.text()));
            } else if (edit.place() == null && !Files.exists(file)) {
                Files.writeString(file, edit.text());
            } else if (edit.place() != null && !YamlEdit.isApplied(Files.readString(file), edit.place(), edit.text())) {
                try {
                    Files.writeString(file, YamlEdit.apply(Files.readString(file), edit.place(), edit.text()));
                } catch (IllegalArgumentException e) {
                    fail("%s: the guide's block for %s cannot be applied to %s: %s", edit.walkThrough(), edit.place(), edit.file(), e.getMessage());
                }
            }
        }
        contract = ApiContract.read(COPY.resolve("api/openapi.yaml"));
        build();
        startTheServer();
        failed = false;
    }

    @AfterAll
    static void stopTheServerAndClearUp() throws IOException, InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (!failed) {
            ProjectCopy.delete(COPY);
        }
    }

    // --- The walk-throughs, as the guide writes them -----------------------------------------------------------

    private static List<Edit> walkThroughs() throws IOException {
        String readme = Files.readString(ROOT.resolve(GUIDE), StandardCharsets.UTF_8);
        List<Edit> found = new ArrayList<>();
        Matcher section = SECTION.matcher(readme);
        List<String> titles = new ArrayList<>();
        while (section.find()) {
            titles.add(section.group(1));
            String text = section.group(2);
            Matcher block = BLOCK.matcher(text);
            int previousEnd = 0;
            while (block.find()) {
                String before = text.substring(0, block.start());
                String sinceLastBlock = text.substring(previousEnd, block.start());
                String language = block.group(1);
                String file = lastMatch(Pattern.compile("`([\\w./-]+\\." + language + ")`"), before)
                        .orElseThrow(() -> new AssertionError(section.group(1) + ": the guide names no ." + language + " file before a block"));
                String place = null;
                if (language.equals("yaml")) {
                    place = lastMatch(PLACE, sinceLastBlock).orElseThrow(() -> new AssertionError(section.group(1)
                            + ": the guide does not say where a YAML block goes (\"under `...`\") before:\n" + block.group(2)));
                }
                found.add(new Edit(section.group(1), language, file, place, block.group(2).stripIndent()));
                previousEnd = block.end();
            }
        }
        assertThat(titles).as("the guide's walk-throughs").contains("Walk-through: add an optional field",
                "Walk-through: add a value to an enum", "Walk-through: deprecate a property",
                "Walk-through: add an operation", "Walk-through: add a role");
        return found;
    }

    private static Optional<String> lastMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return Optional.ofNullable(last);
    }

    /** The build of the copy: mvn package with the JDK and the local repository of this build. */
    private static void build() throws IOException, InterruptedException {
        Path log = WORK.resolve("build.log");
        String mavenHome = System.getProperty("walk-through.maven.home", "");
        String mvn = !mavenHome.isEmpty() && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))
                ? Path.of(mavenHome, "bin", "mvn").toString() : "mvn";
        // The Java client's javadoc and source jars say nothing about the walk-throughs: left out, for time.
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp", "package", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true"));
        String localRepository = System.getProperty("walk-through.local.repository", "");
        if (!localRepository.isEmpty()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(COPY.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // The designer's own machine, where a build writes the composed examples' values into the contract (under CI
        // a stale one fails the build instead).
        builder.environment().remove("CI");
        Process maven = builder.start();
        if (!maven.waitFor(30, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            fail("The build of the copy did not finish within 30 minutes; see %s", log);
        }
        if (maven.exitValue() != 0) {
            fail("A designer following the guide's walk-throughs sees the build fail (copy in %s, whole output in %s):%n%s",
                    COPY, log, failureSummary(Files.readAllLines(log)));
        }
    }

    /** Maven's account of the failure: the failing tests with their messages, and its error lines. */
    private static String failureSummary(List<String> log) {
        List<String> summary = new ArrayList<>();
        boolean inResults = false;
        for (String line : log) {
            if (line.contains("Results:") || line.contains("Failures:") || line.contains("Errors:")) {
                inResults = true;
            }
            if ((inResults || line.startsWith("[ERROR]")) && summary.size() < 80) {
                summary.add(line);
            }
            if (line.startsWith("[INFO] Tests run:")) {
                inResults = false;
            }
        }
        return String.join("\n", summary);
    }

    // --- The copy's server, run as the README runs it ------------------------------------------------------------

    private static void startTheServer() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(WORK.resolve("server"));
        ProjectCopy.delete(folder.resolve("data"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Three users, as the guide Configuration writes them: an administrator, an editor, and one with the role the
        // walk-through "add a role" made.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "@" + COPY.resolve("server/jvm.options"), "-jar", COPY.resolve("server/target/emailaccounts-server.jar").toString(),
                "--server.port=" + port));
        List<String[]> users = List.of(new String[] {ADMINISTRATOR, "administrator=true"},
                new String[] {EDITOR, "roles=EmailAccount-Edit"}, new String[] {HELP_DESK, "roles=" + newRole()});
        for (int i = 0; i < users.size(); i++) {
            String user = "--emailaccounts.users[" + i + "].";
            command.addAll(List.of(user + "username=" + users.get(i)[0], user + "password={noop}" + PASSWORD,
                    user + users.get(i)[1], user + "businesses=*"));
        }
        server = new ProcessBuilder(command)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile()).start();
        baseUrl = "http://localhost:" + port;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("The copy's server stopped while starting:%n%s", Files.readString(folder.resolve("server.log")));
            }
            try {
                if (send("GET", "/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        fail("The copy's server did not start within 90 s:%n%s", Files.readString(folder.resolve("server.log")));
    }

    // --- Each change, tried -------------------------------------------------------------------------------------

    /** The added property: stored, answered, kept when absent, cleared by null, refused past its bounds, filtered, ordered. */
    @Test
    void shouldServeTheNewFieldAsTheWalkThroughPromises() {
        Edit property = edit(e -> ("components.schemas." + WRITABLE + ".properties").equals(e.place()));
        String name = property.text().lines().findFirst().orElseThrow().replace(":", "").trim();
        ContractProperty declared = contract.properties(WRITABLE).get(name);
        assertThat(declared).as("the walk-through's property %s in the copy's contract", name).isNotNull();
        String value = "Regards, " + name;

        long id = create(body().put(name, value));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(read(id).path(name).asString()).as("%s stored and answered", name).isEqualTo(value);
        update(id, read(id));
        ObjectNode withoutIt = read(id);
        withoutIt.remove(name);
        update(id, withoutIt);
        softly.assertThat(read(id).path(name).asString()).as("%s kept when absent", name).isEqualTo(value);
        ObjectNode cleared = read(id);
        cleared.putNull(name);
        update(id, cleared);
        softly.assertThat(read(id).path(name).isNull()).as("%s cleared by null", name).isTrue();

        int maxLength = declared.maxLength().orElseThrow();
        HttpResponse<String> tooLong = send("POST", "/api/crm/emailaccounts", body().put(name, "x".repeat(maxLength + 1)).toString());
        softly.assertThat(tooLong.statusCode()).as("%s past its maxLength", name).isEqualTo(400);
        softly.assertThat(json(tooLong.body()).at("/Errors/0/PropertyName").asString()).as("the error names it").isEqualTo(name);

        long other = create(body().put(name, "Another " + name.toLowerCase()));
        contract.operation(SEARCH).filters().stream().filter(filter -> filter.property().equals(name)).forEach(filter ->
                softly.assertThat(ids("?" + filter.parameter() + "=" + URLEncoder.encode("Another " + name.toLowerCase(), StandardCharsets.UTF_8)))
                        .as("filtered by %s", filter.parameter()).containsExactly(other));
        update(id, read(id).put(name, value));
        List<Long> ordered = ids("?orderBy=" + name + "&dir=0&size=1000");
        softly.assertThat(ordered.indexOf(other)).as("ordered by %s: 'Another ...' before 'Regards, ...'", name).isLessThan(ordered.indexOf(id));
        long demoRecord = contract.properties("EmailAccount").get("Id").example().orElseThrow().asLong();
        softly.assertThat(read(demoRecord).path(name)).as("the demo record, made of the contract's examples, holds %s's", name)
                .isEqualTo(declared.example().orElseThrow());

        String javaModel = javaModel(WRITABLE);
        softly.assertThat(javaModel).as("the Java client's builder method").contains("public " + WRITABLE + " " + camel(name) + "(");
        softly.assertThat(typeScriptModel(WRITABLE)).as("the TypeScript client's property").contains("    " + camel(name) + "?: ");
        softly.assertThat(publishedRecordExample().has(name)).as("the reference's record example shows %s", name).isTrue();
        String unreleased = read(COPY.resolve("docs/target/site/changelog.md")).split("(?m)^### ")[1];
        softly.assertThat(unreleased).as("the changelog's Unreleased section names %s, with no other edit", name)
                .startsWith("Unreleased").contains("`" + name + "`").contains("Compatible");
        softly.assertThat(published().path("tags").findValuesAsString("name")).as("the reference's sections").contains("Changelog");
        softly.assertAll();
    }

    /** The value added to an open enum: accepted, stored, answered, filtered by; a constant of both clients; listed in the reference. */
    @Test
    void shouldServeTheNewEnumValueAsTheWalkThroughPromises() {
        Edit values = edit(e -> e.place() != null && e.place().startsWith("components.schemas.") && e.text().contains("x-enum-varnames"));
        String schema = values.place().substring("components.schemas.".length());
        ContractEnum enumeration = contract.enumNamed(schema);
        JsonNode added = YAMLMapper.builder().build().readTree(values.text()).path("enum").get(0);
        String constant = enumeration.nameOf(added).orElseThrow();
        ContractProperty property = contract.properties(WRITABLE).values().stream()
                .filter(candidate -> candidate.enumeration().map(ContractEnum::schemaName).filter(schema::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no writable property takes " + schema));

        long id = create(body().set(property.name(), added));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(read(id).path(property.name())).as("%s %s stored and answered", property.name(), added).isEqualTo(added);
        contract.operation(SEARCH).filters().stream()
                .filter(filter -> filter.property().equals(property.name()) && filter.bound() == SearchFilter.Bound.EQUAL)
                .forEach(filter -> softly.assertThat(ids("?" + filter.parameter() + "=" + added.asString())).as("filtered by %s", filter.parameter())
                        .containsExactly(id));
        softly.assertThat(javaModel(schema)).as("the Java client's constant").contains("public static final " + schema + " " + constant + " = ");
        softly.assertThat(typeScriptModel(schema)).as("the TypeScript client's constant").contains("    " + constant + ": " + added.asString() + ",");
        softly.assertThat(published().at("/components/schemas/" + schema + "/x-enumDescriptions/" + added.asString()).asString())
                .as("the reference's table of %s", schema).startsWith(constant);
        softly.assertAll();
    }

    /** The deprecated property: still stored and answered; deprecated in both clients and in the reference. */
    @Test
    void shouldKeepServingTheDeprecatedPropertyAndMarkItEverywhere() {
        Edit deprecation = edit(e -> e.text().trim().equals("deprecated: true"));
        String name = deprecation.place().substring(deprecation.place().lastIndexOf('.') + 1);
        ContractProperty property = contract.properties(WRITABLE).get(name);
        assertThat(property.deprecated()).as("%s deprecated in the copy's contract", name).isTrue();
        JsonNode example = property.example().orElseThrow();

        long id = create(body().set(name, example));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(read(id).path(name)).as("%s still stored and answered", name).isEqualTo(example);
        softly.assertThat(javaModel(WRITABLE)).as("the Java client's getter is @Deprecated")
                .containsPattern("@Deprecated\\s+(@\\S+\\s+)*public \\S+ get" + name + "\\(\\)");
        softly.assertThat(typeScriptModel(WRITABLE)).as("the TypeScript client's property is @deprecated")
                .containsPattern("@deprecated\\s+\\*/\\s+" + camel(name) + "\\?:");
        softly.assertThat(published().at("/components/schemas/" + WRITABLE + "/properties/" + name + "/deprecated").asBoolean())
                .as("the reference's contract").isTrue();
        softly.assertAll();
    }

    /**
     * The added operation: routed, checked, implemented by its delegate method alone; a method of both clients; in the
     * reference with its role, and in the changelog.
     */
    @Test
    void shouldServeTheNewOperationAsTheWalkThroughPromises() {
        Edit added = edit(e -> "paths".equals(e.place()));
        String path = added.text().lines().findFirst().orElseThrow().replace(":", "").trim();
        ApiContract.Operation operation = contract.operations().stream().filter(candidate -> candidate.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no operation at " + path + " in the copy's contract"));
        String errorCount = "ErrorCount";

        long id = create(body().put(errorCount, 7));
        SoftAssertions softly = new SoftAssertions();
        HttpResponse<String> reset = send(HELP_DESK, operation.method(), path.replace("{id}", Long.toString(id)), null);
        softly.assertThat(reset.statusCode()).as("%s %s: %s", operation.method(), path, reset.body()).isEqualTo(200);
        softly.assertThat(json(reset.body()).path("WasSuccessful").asBoolean()).as("the answer's envelope").isTrue();
        softly.assertThat(read(id).path(errorCount).asInt()).as("%s after the reset", errorCount).isZero();
        softly.assertThat(read(id).path("DisplayName")).as("the other fields kept").isEqualTo(body().path("DisplayName"));
        softly.assertThat(send(HELP_DESK, operation.method(), path.replace("{id}", "99999999"), null).statusCode())
                .as("an unknown Id").isEqualTo(404);
        softly.assertThat(send("GET", path.replace("{id}", Long.toString(id)), null).statusCode()).as("another method").isEqualTo(405);
        softly.assertThat(send(operation.method(), path.replace("{id}", "seven"), null).statusCode()).as("an Id that is no number").isEqualTo(400);

        softly.assertThat(read(COPY.resolve("client/target/generated-sources/openapi/src/main/java/io/emailaccounts/client/api/EmailAccountsApi.java")))
                .as("the Java client's method").contains(" " + operation.operationId() + "(");
        softly.assertThat(read(COPY.resolve("client/target/typescript/src/generated/apis/EmailAccountsApi.ts")))
                .as("the TypeScript client's method").contains(" " + operation.operationId() + "(");
        JsonNode published = published().at("/paths/" + path.replace("/", "~1") + "/" + operation.method().toLowerCase());
        softly.assertThat(published.path("description").asString()).as("the reference states the role")
                .contains("`" + newRole() + "`");
        String unreleased = read(COPY.resolve("docs/target/site/changelog.md")).split("(?m)^### ")[1];
        softly.assertThat(unreleased).as("the changelog's Unreleased section lists the operation").contains(path);
        softly.assertAll();
    }

    /** The added role: the operation's own; a user with the role it replaced is refused, one with the new role served. */
    @Test
    void shouldGiveTheOperationToTheNewRoleAlone() {
        Edit added = edit(e -> "paths".equals(e.place()));
        String path = added.text().lines().findFirst().orElseThrow().replace(":", "").trim()
                .replace("{id}", Long.toString(create(body())));

        assertThat(send(EDITOR, "POST", path, null).statusCode()).as("a user with EmailAccount-Edit alone").isEqualTo(403);
        assertThat(send(HELP_DESK, "POST", path, null).statusCode()).as("a user with %s", newRole()).isEqualTo(200);
        assertThat(send(ADMINISTRATOR, "POST", path, null).statusCode()).as("a full administrator").isEqualTo(200);
        assertThat(send(HELP_DESK, "GET", "/api/crm/emailaccounts", null).statusCode()).as("the new role's user searching").isEqualTo(403);
    }

    @Test
    void shouldHaveFollowedEveryBlockOfTheWalkThroughs() {
        assertThat(edits).extracting(Edit::file).contains("api/openapi.yaml");
        assertThat(edits).filteredOn(edit -> edit.language().equals("sql")).extracting(Edit::file).isNotEmpty()
                .allMatch(file -> file.startsWith("server/src/main/resources/db/migration/V"));
        assertThat(edits).filteredOn(edit -> edit.language().equals("java")).extracting(Edit::file).isNotEmpty()
                .allMatch(file -> file.startsWith("server/src/main/java/"));
    }

    // --- Helpers ------------------------------------------------------------------------------------------------

    /** The role the walk-through "add a role" names. */
    private static String newRole() {
        Edit role = edit(e -> e.text().startsWith("x-required-role:"));
        return role.text().substring("x-required-role:".length()).trim();
    }

    private static Edit edit(java.util.function.Predicate<Edit> which) {
        return edits.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("the guide's walk-throughs have no such block"));
    }

    /** A valid create: the required fields, each with its example in the copy's contract. */
    private static ObjectNode body() {
        return (ObjectNode) new ContractExamples(contract).compose(contract.schema(WRITABLE), Direction.REQUEST, true, null);
    }

    private static long create(ObjectNode body) {
        HttpResponse<String> created = send("POST", "/api/crm/emailaccounts", body.toString());
        assertThat(created.statusCode()).as("create %s: %s", body, created.body()).isEqualTo(200);
        return json(created.body()).at("/Value/Id").asLong();
    }

    private static void update(long id, ObjectNode record) {
        HttpResponse<String> updated = send("PUT", "/api/crm/emailaccounts", record.put("Id", id).toString());
        assertThat(updated.statusCode()).as("update %s: %s", record, updated.body()).isEqualTo(200);
    }

    private static ObjectNode read(long id) {
        HttpResponse<String> read = send("GET", "/api/crm/emailaccounts/" + id, null);
        assertThat(read.statusCode()).as("read %d: %s", id, read.body()).isEqualTo(200);
        return (ObjectNode) json(read.body());
    }

    private static List<Long> ids(String query) {
        HttpResponse<String> found = send("GET", "/api/crm/emailaccounts" + query, null);
        assertThat(found.statusCode()).as("search %s: %s", query, found.body()).isEqualTo(200);
        return json(found.body()).path("Records").valueStream().map(record -> record.path("Id").asLong()).toList();
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        return send(ADMINISTRATOR, method, path, body);
    }

    private static HttpResponse<String> send(String user, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        String credentials = user + ":" + PASSWORD;
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String javaModel(String schema) {
        return read(COPY.resolve("client/target/generated-sources/openapi/src/main/java/io/emailaccounts/client/model/" + schema + ".java"));
    }

    private static String typeScriptModel(String schema) {
        return read(COPY.resolve("client/target/typescript/src/generated/models/" + schema + ".ts"));
    }

    /** The contract as the copy's reference publishes it (composed examples filled in). */
    private static JsonNode published() {
        return json(read(COPY.resolve("docs/target/site/openapi.json")));
    }

    private static JsonNode publishedRecordExample() {
        return published().at("/paths/~1api~1crm~1emailaccounts~1{id}/get/responses/200/content/application~1json/examples/record/value");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ReplyToEmail} as the clients name it: {@code replyToEmail}. */
    private static String camel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
