package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bash api/release.sh VERSION}, run on a copy of the files it changes: the version moves everywhere it is
 * repeated, the contract is copied to {@code api/released/}, the upgrade notes go with it; a version that is not above
 * the newest release changes nothing.
 */
class ReleaseCommandTest {

    private static final Path ROOT = Path.of("..");

    @TempDir
    Path copy;

    @Test
    void shouldMoveTheVersionEverywhereAndKeepTheReleasedContract() throws Exception {
        copyProject();
        String old = run("bash", "api/version.sh").strip();
        Files.writeString(copy.resolve("api/upgrade-notes.md"), "Why and how to upgrade.\n");
        Map<String, String> before = texts();

        run("bash", "api/release.sh", "9.8.7");

        assertThat(run("bash", "api/version.sh").strip()).isEqualTo("9.8.7");
        assertThat(Files.readString(copy.resolve("pom.xml"))).contains("<revision>9.8.7</revision>").doesNotContain("<revision>" + old);
        assertThat(Files.readString(copy.resolve("api/released/9.8.7.yaml"))).isEqualTo(Files.readString(copy.resolve("api/openapi.yaml")));
        assertThat(Files.readString(copy.resolve("api/released/9.8.7.md"))).isEqualTo("Why and how to upgrade.\n");
        assertThat(copy.resolve("api/upgrade-notes.md")).doesNotExist();
        List<String> stillOld = new ArrayList<>();
        texts().forEach((file, text) -> {
            for (String form : List.of("<version>" + old + "</version>", "emailaccounts-client:" + old + "\"",
                    "emailaccounts-client-" + old + ".tgz", "\"version\":\"" + old + "\"")) {
                if (text.contains(form)) {
                    stillOld.add(file + ": " + form);
                }
            }
        });
        assertThat(stillOld).as("the old version where the documentation repeats it").isEmpty();
        assertThat(texts().get("README.md")).isNotEqualTo(before.get("README.md")).contains("emailaccounts-client:9.8.7\"");
    }

    @Test
    void shouldRefuseAVersionNotAboveTheNewestReleaseAndChangeNothing() throws Exception {
        copyProject();
        Map<String, String> before = texts();

        Process release = new ProcessBuilder("bash", "api/release.sh", "0.0.1").directory(copy.toFile())
                .redirectErrorStream(true).start();
        String output = new String(release.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(release.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(release.exitValue()).isNotZero();
        assertThat(output).contains("not above the newest released version");
        assertThat(texts()).isEqualTo(before);
    }

    /** The files the release changes, and the scripts. */
    private void copyProject() throws IOException {
        for (String file : List.of("pom.xml", "README.md", "api/openapi.yaml", "api/version.sh", "api/release.sh")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(ROOT.resolve(file), copy.resolve(file));
        }
        for (String folder : List.of("api/guides", "api/released")) {
            Files.createDirectories(copy.resolve(folder));
            try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
    }

    private Map<String, String> texts() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.put(copy.relativize(file).toString(), Files.readString(file));
            }
        }
        return texts;
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
        return output;
    }
}
