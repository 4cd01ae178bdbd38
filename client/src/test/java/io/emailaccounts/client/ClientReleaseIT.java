package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The release path as a consumer meets it: {@code mvn deploy} publishes the client to the repository a property names
 * (a file repository under {@code target/} here), and an empty Java 17 project that has only the README's dependency
 * snippet compiles the getting-started program against what was published.
 */
class ClientReleaseIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void shouldPublishAClientThatTheReadmesSnippetBringsIntoAnEmptyProject() throws Exception {
        String version = DocumentedClient.contractVersion();
        Path repository = fresh(TARGET.resolve("release-repository"));

        maven(ROOT, "deploy", "-pl", "client", "-am", "-DskipTests",
                "-DaltDeploymentRepository=releases::" + repository.toUri());

        Path published = repository.resolve("io/emailaccounts/emailaccounts-client/" + version);
        String prefix = "emailaccounts-client-" + version;
        assertThat(published.resolve(prefix + ".jar")).exists();
        assertThat(published.resolve(prefix + "-sources.jar")).exists();
        assertThat(published.resolve(prefix + "-javadoc.jar")).exists();
        String pom = Files.readString(published.resolve(prefix + ".pom"));
        assertThat(pom).as("a POM that stands alone, with only what the client needs at run time")
                .doesNotContain("<parent>").doesNotContain("${").doesNotContain("junit").doesNotContain("assertj")
                .contains("<artifactId>jackson-databind</artifactId>");

        Path consumer = fresh(TARGET.resolve("readme-consumer"));
        Files.writeString(consumer.resolve("pom.xml"), consumerPom(repository), StandardCharsets.UTF_8);
        Path sources = Files.createDirectories(consumer.resolve("src/main/java"));
        Files.writeString(sources.resolve("UpdateHelpDesk.java"), DocumentedClient.example(), StandardCharsets.UTF_8);

        maven(consumer, "compile", "-Dmaven.repo.local=" + consumer.resolve("local-repository"));

        assertThat(consumer.resolve("target/classes/UpdateHelpDesk.class")).exists();
    }

    /**
     * A project of its own, with nothing but the README's snippet: it reads the client from the release repository,
     * and everything else from the local repository of this build (as a remote one), else Maven Central.
     */
    private static String consumerPom(Path repository) throws IOException {
        String cache = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>com.example</groupId>
                    <artifactId>readme-consumer</artifactId>
                    <version>1</version>
                    <properties>
                        <maven.compiler.source>17</maven.compiler.source>
                        <maven.compiler.target>17</maven.compiler.target>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    </properties>
                    <repositories>
                        <repository><id>releases</id><url>%1$s</url></repository>
                        <repository><id>this-build</id><url>%2$s</url></repository>
                    </repositories>
                    <pluginRepositories>
                        <pluginRepository><id>this-build</id><url>%2$s</url></pluginRepository>
                    </pluginRepositories>
                    <dependencies>
                %3$s
                    </dependencies>
                </project>
                """.formatted(repository.toUri(), cache, DocumentedClient.readmeMavenSnippet());
    }

    private static void maven(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(TARGET, "maven", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("mvn %s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s in %s:%n%s", command, directory, Files.readString(log)).isZero();
    }

    private static Path fresh(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }
}
