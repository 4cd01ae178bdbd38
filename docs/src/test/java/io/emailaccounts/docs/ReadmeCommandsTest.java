package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.emailaccounts.documentation.Documentation;

/** CI runs all tests with the README's own test command, as the README writes it: the two never drift apart. */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void shouldRunTheReadmesTestCommandInCi() throws IOException {
        List<String> commands = Documentation.of(ROOT).readme().section("## Two commands").blocks("bash").stream()
                .flatMap(String::lines).filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(commands).as("the README's two commands").hasSize(2);

        assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run runs the README's test command as written")
                .contains(commands.get(1));
    }
}
