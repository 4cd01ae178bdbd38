package io.emailaccounts.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.contract.ServedContract;

/**
 * The maps of the guide Changing the API, held to the code: in "The request path", every class and method named for a
 * behaviour is the server's, and the behaviours a new maintainer looks for first each have their row; in "Failures",
 * every status of a failure the contract declares has a row, every handler of the server has its row, and each row
 * names what raises it, its one handler and its test, each of which exists.
 */
class GuideMapTest {

    private static final Path GUIDE = Path.of("..", "api", "guides", "90-changing-the-api.md");
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?`");
    /** The server's classes and its tests', and the contract module's (which the server's build and the server use). */
    private static final JavaClasses SERVER = new ClassFileImporter().importPackages("io.emailaccounts.server",
            "io.emailaccounts.contract");

    @Test
    void shouldNameForEachBehaviourOnlyClassesAndMethodsThatExist() throws IOException {
        List<String> named = new ArrayList<>();
        for (List<String> row : table("| behaviour | class and method |")) {
            named.addAll(assertExists(row.get(1), "behaviour \"" + row.get(0) + "\""));
        }
        assertThat(named).hasSizeGreaterThan(10);
    }

    @Test
    void shouldMapTheBehavioursANewMaintainerLooksForFirst() throws IOException {
        assertThat(table("| behaviour | class and method |")).extracting(row -> row.get(0))
                .anySatisfy(behaviour -> assertThat(behaviour).contains("412"))
                .anySatisfy(behaviour -> assertThat(behaviour).contains("429"))
                .anySatisfy(behaviour -> assertThat(behaviour).contains("503"))
                .anySatisfy(behaviour -> assertThat(behaviour).contains("`Idempotency-Key` replay"))
                .anySatisfy(behaviour -> assertThat(behaviour).contains("search filter's SQL"))
                .anySatisfy(behaviour -> assertThat(behaviour).contains("PUT's commit"));
    }

    @Test
    void shouldNameWhatRaisesEachFailureItsHandlerAndItsTest() throws IOException {
        Set<String> answering = answeringMethods();
        for (List<String> row : failures()) {
            String failure = "\"" + row.get(0) + "\"";
            assertExists(row.get(2), "what raises " + failure);
            List<String> handler = assertExists(row.get(3), "the handler of " + failure);
            assertThat(handler).as("the one handler of %s", failure).hasSize(1);
            String name = handler.get(0).replace("`", "");
            assertThat(answering.contains(name) || calledFrom(name, answering))
                    .as("%s, named for %s, answers failures (or is called by what does)", name, failure).isTrue();
            assertThat(assertExists(row.get(4), "the test of " + failure)).as("the test of %s", failure).hasSize(1);
        }
    }

    @Test
    void shouldListEveryFailingStatusTheContractDeclares() throws IOException {
        ApiContract contract = ServedContract.load();
        Set<String> declared = new TreeSet<>();
        contract.document().get("paths").forEach(path -> path.properties().forEach(operation -> {
            if (operation.getValue().has("responses")) {
                operation.getValue().get("responses").propertyNames().stream()
                        .filter(status -> status.compareTo("400") >= 0).forEach(declared::add);
            }
        }));
        Set<String> listed = failures().stream().map(row -> row.get(1)).collect(Collectors.toSet());

        assertThat(declared).hasSizeGreaterThan(10);
        assertThat(listed).containsAll(declared);
    }

    @Test
    void shouldListEveryHandlerOfTheServer() throws IOException {
        Set<String> listed = failures().stream().map(row -> row.get(3).replace("`", "")).collect(Collectors.toSet());

        assertThat(answeringMethods()).hasSizeGreaterThan(15);
        assertThat(listed).containsAll(answeringMethods());
    }

    @Test
    void shouldNameForEachPromiseOfTheOperationsGuideTestsThatExist() throws IOException {
        List<List<String>> rows = table("| promise | test |");

        assertThat(rows).hasSizeGreaterThan(10);
        rows.forEach(row -> assertThat(assertExists(row.get(1), "the promise \"" + row.get(0) + "\""))
                .as("the tests of %s", row.get(0)).isNotEmpty());
    }

    /**
     * Every method that answers a failure, as {@code Class.method}: those marked @ExceptionHandler, the framework's that
     * an advice overrides, the error page's, and the container's valve's.
     */
    private static Set<String> answeringMethods() {
        Set<String> handlers = new TreeSet<>();
        for (JavaClass type : SERVER) {
            if (type.getPackageName().startsWith("io.emailaccounts.server.generated") || !type.isTopLevelClass()) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                boolean overridesTheFrameworks = type.isAssignableTo(ResponseEntityExceptionHandler.class)
                        && method.getName().startsWith("handle");
                boolean errorPage = type.isAssignableTo(ErrorController.class) && method.isAnnotatedWith(RequestMapping.class);
                boolean valve = type.isAssignableTo(ErrorReportValve.class) && method.getName().equals("report");
                if (method.isAnnotatedWith(ExceptionHandler.class) || overridesTheFrameworks || errorPage || valve) {
                    handlers.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        return handlers;
    }

    /** Whether the method {@code Class.method} is called by one of these methods. */
    private static boolean calledFrom(String name, Set<String> callers) {
        String[] parts = name.split("\\.");
        return SERVER.stream().filter(type -> type.isTopLevelClass() && type.getSimpleName().equals(parts[0]))
                .flatMap(type -> type.getMethods().stream()).filter(method -> method.getName().equals(parts[1]))
                .flatMap(method -> method.getCallsOfSelf().stream())
                .anyMatch(call -> callers.contains(call.getOriginOwner().getSimpleName() + "." + call.getOrigin().getName()));
    }

    /** The rows of the failures' table: failure, status, what raises it, handler, test. */
    private static List<List<String>> failures() throws IOException {
        List<List<String>> rows = table("| failure | status | raised by | handler | test |");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(5));
        return rows;
    }

    /** The classes and methods written in code in this text, each checked to exist. */
    private static List<String> assertExists(String text, String what) {
        List<String> named = new ArrayList<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            String type = code.group(1);
            String method = code.group(2);
            List<JavaClass> classes = SERVER.stream()
                    .filter(candidate -> candidate.isTopLevelClass() && candidate.getSimpleName().equals(type)).toList();
            assertThat(classes).as("the class %s, named for %s", type, what).hasSize(1);
            if (method != null) {
                assertThat(classes.get(0).getCodeUnits()).extracting(JavaCodeUnit::getName)
                        .as("the method %s.%s, named for %s", type, method, what).contains(method);
            }
            named.add(code.group());
        }
        return named;
    }

    /** The rows of the table with this header line, each row's cells. */
    private static List<List<String>> table(String header) throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf(header);
        assertThat(start).as("the table %s in %s", header, GUIDE).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(start + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split(" \\| ")).map(String::strip).toList());
        }
        assertThat(rows).as("the rows of %s", header).isNotEmpty();
        return rows;
    }
}
