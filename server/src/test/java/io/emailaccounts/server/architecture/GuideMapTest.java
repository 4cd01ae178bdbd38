package io.emailaccounts.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The guide Changing the API tells where each behaviour is decided ("The request path"): every class and method it
 * names there is one of the server's, and the behaviours a new maintainer looks for first each have their row.
 */
class GuideMapTest {

    private static final Path GUIDE = Path.of("..", "api", "guides", "90-changing-the-api.md");
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?`");
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.emailaccounts.server");

    @Test
    void shouldNameOnlyClassesAndMethodsThatExist() throws IOException {
        List<String> named = new ArrayList<>();
        behaviours().forEach((behaviour, where) -> {
            Matcher code = CODE.matcher(where);
            while (code.find()) {
                String type = code.group(1);
                String method = code.group(2);
                List<JavaClass> classes = SERVER.stream()
                        .filter(candidate -> candidate.isTopLevelClass() && candidate.getSimpleName().equals(type)).toList();
                assertThat(classes).as("the class %s, named for \"%s\"", type, behaviour).hasSize(1);
                if (method != null) {
                    assertThat(classes.get(0).getCodeUnits()).extracting(JavaCodeUnit::getName)
                            .as("the method %s.%s, named for \"%s\"", type, method, behaviour).contains(method);
                }
                named.add(code.group());
            }
        });
        assertThat(named).hasSizeGreaterThan(10);
    }

    @Test
    void shouldMapTheBehavioursANewMaintainerLooksForFirst() throws IOException {
        assertThat(behaviours().keySet()).anySatisfy(row -> assertThat(row).contains("412"))
                .anySatisfy(row -> assertThat(row).contains("429"))
                .anySatisfy(row -> assertThat(row).contains("503"))
                .anySatisfy(row -> assertThat(row).contains("`Idempotency-Key` replay"))
                .anySatisfy(row -> assertThat(row).contains("search filter's SQL"))
                .anySatisfy(row -> assertThat(row).contains("PUT's commit"));
    }

    /** The rows of the table "behaviour | class and method": behaviour to where it is decided. */
    private static Map<String, String> behaviours() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int header = lines.indexOf("| behaviour | class and method |");
        assertThat(header).as("the table of behaviours in %s", GUIDE).isNotNegative();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split(" \\| ", 2);
            rows.put(cells[0].substring(1).strip(), cells[1]);
        }
        return rows;
    }
}
