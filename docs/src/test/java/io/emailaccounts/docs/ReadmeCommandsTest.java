package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** CI runs all tests with the README's own test command, as the README writes it: the two never drift apart. */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldRunTheReadmesTestCommandInCi() throws IOException {
        Matcher block = Pattern.compile("(?s)## Two commands\\n.*?```bash\\n(.*?)```").matcher(Files.readString(ROOT.resolve("README.md")));
        assertThat(block.find()).as("the README's two commands").isTrue();
        List<String> commands = block.group(1).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(commands).as("the README's two commands").hasSize(2);

        assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run runs the README's test command as written")
                .contains(commands.get(1));
    }
}
