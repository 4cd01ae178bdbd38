package io.emailaccounts.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java client as the README and the guides (api/guides) show it: the dependency snippets a newcomer copies, and the
 * getting-started program.
 */
final class DocumentedClient {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern GRADLE = Pattern.compile("`(implementation\\(\"io\\.emailaccounts:emailaccounts-client:[^\"]*\"\\))`");

    private DocumentedClient() {
    }

    /** The README's {@code <dependency>} block. */
    static String readmeMavenSnippet() {
        List<String> snippets = mavenSnippets(read(ROOT.resolve("README.md")));
        if (snippets.size() != 1) {
            throw new AssertionError("the README has " + snippets.size() + " Maven snippets of the client");
        }
        return snippets.get(0);
    }

    /** Every {@code <dependency>} block naming the client, in the README and the guides. */
    static List<String> mavenSnippets() {
        return pages().stream().flatMap(page -> mavenSnippets(page).stream()).toList();
    }

    /** Every Gradle line naming the client, in the README and the guides. */
    static List<String> gradleSnippets() {
        return pages().stream().flatMap(page -> GRADLE.matcher(page).results().map(result -> result.group(1))).toList();
    }

    /** Every file name of the TypeScript package ({@code emailaccounts-client-VERSION.tgz}), in the README and the guides. */
    static List<String> typescriptPackages() {
        return pages().stream().flatMap(page -> Pattern.compile("emailaccounts-client-[^/\\s`]*\\.tgz").matcher(page).results()
                .map(result -> result.group())).toList();
    }

    /** The getting-started program that updates the demo record. */
    static String example() {
        List<String> programs = pages().stream().flatMap(page -> blocks(page, "java").stream())
                .filter(block -> block.contains("public class UpdateHelpDesk ")).toList();
        if (programs.size() != 1) {
            throw new AssertionError("the README and the guides show " + programs.size() + " programs UpdateHelpDesk");
        }
        return programs.get(0);
    }

    /** The contract's info.version. */
    static String contractVersion() {
        Matcher matcher = Pattern.compile("(?m)^info:\\n(?:  .*\\n|\\n)*?  version: ['\"]?([^'\"\\s]+)")
                .matcher(read(ROOT.resolve("api/openapi.yaml")));
        if (!matcher.find()) {
            throw new AssertionError("api/openapi.yaml has no info.version");
        }
        return matcher.group(1);
    }

    private static List<String> mavenSnippets(String page) {
        return blocks(page, "xml").stream().filter(block -> block.contains("<artifactId>emailaccounts-client</artifactId>")).toList();
    }

    private static List<String> blocks(String page, String language) {
        return Pattern.compile("(?m)^```" + language + "\\n(.*?)^```", Pattern.DOTALL).matcher(page).results()
                .map(result -> result.group(1)).toList();
    }

    /** The README, then the guides. */
    private static List<String> pages() {
        List<String> pages = new ArrayList<>();
        pages.add(read(ROOT.resolve("README.md")));
        try (Stream<Path> guides = Files.list(ROOT.resolve("api/guides"))) {
            guides.filter(file -> file.toString().endsWith(".md")).sorted().forEach(file -> pages.add(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
