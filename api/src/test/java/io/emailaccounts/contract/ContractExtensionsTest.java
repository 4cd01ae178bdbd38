package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The guide Changing the API lists every {@code x-} extension the build reads, once each: those the contract uses,
 * those the contract's reader names, and those the generator templates read; and lists none that nothing reads.
 */
class ContractExtensionsTest {

    private static final Path CONTRACT = Path.of("openapi.yaml");
    private static final Path GUIDE = Path.of("guides", "90-changing-the-api.md");
    private static final String HEADER = "| extension | where | what it says | read by |";
    private static final List<Path> READERS = List.of(Path.of("src", "main", "java"),
            Path.of("..", "server", "src", "main", "openapi"), Path.of("..", "client", "src", "main", "templates"));
    private static final Pattern NAME = Pattern.compile("x-[a-zA-Z][a-zA-Z-]*[a-zA-Z]");

    /** Extensions of openapi-generator's own, which the contract never writes. */
    private static final Map<String, String> THE_GENERATORS_OWN = Map.of(
            "x-is-jackson-optional-nullable", "set by the generators on a property they wrap in JsonNullable",
            "x-setter-extra-annotation", "read by the java generator's model template, where GeneratorTemplates finds a setter");

    @Test
    void shouldListEveryExtensionTheContractUsesAndTheBuildReadsAndNoOther() throws IOException {
        Set<String> listed = listed();
        Set<String> used = new TreeSet<>();
        collect(YAMLMapper.builder().build().readTree(CONTRACT.toFile()), used);
        Set<String> read = new TreeSet<>();
        for (Path folder : READERS) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher name = NAME.matcher(Files.readString(file));
                    while (name.find()) {
                        read.add(name.group());
                    }
                }
            }
        }
        read.removeAll(THE_GENERATORS_OWN.keySet());

        assertThat(listed).as("the extensions of %s", GUIDE).hasSizeGreaterThan(15)
                .containsAll(used).containsAll(read);
        Set<String> known = new TreeSet<>(used);
        known.addAll(read);
        assertThat(known).as("what the contract and the build know").containsAll(listed);
    }

    /** The extensions of the guide's table, each listed once. */
    private static Set<String> listed() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int header = lines.indexOf(HEADER);
        assertThat(header).as("the table %s in %s", HEADER, GUIDE).isNotNegative();
        Set<String> listed = new TreeSet<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            for (String name : line.substring(1, line.indexOf(" | ")).split(",")) {
                assertThat(listed.add(name.strip().replace("`", ""))).as("%s listed once", name).isTrue();
            }
        }
        return listed;
    }

    private static void collect(JsonNode node, Set<String> extensions) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().startsWith("x-")) {
                    extensions.add(entry.getKey());
                }
                collect(entry.getValue(), extensions);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, extensions));
        }
    }
}
