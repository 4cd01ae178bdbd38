package io.emailaccounts.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.documentation.Documentation.Page;

/**
 * The Java client as the README and the guides (api/guides) show it: the dependency snippets a newcomer copies, and the
 * getting-started program.
 */
final class DocumentedClient {

    private static final Path ROOT = Path.of("..");
    private static final Documentation DOCUMENTATION = Documentation.of(ROOT);
    private static final Pattern GRADLE = Pattern.compile("`(implementation\\(\"io\\.emailaccounts:emailaccounts-client:[^\"]*\"\\))`");
    private static final Pattern TYPESCRIPT_PACKAGE = Pattern.compile("emailaccounts-client-[^/\\s`]*\\.tgz");

    private DocumentedClient() {
    }

    /** The README's {@code <dependency>} block. */
    static String readmeMavenSnippet() {
        List<String> snippets = mavenSnippets(DOCUMENTATION.readme());
        if (snippets.size() != 1) {
            throw new AssertionError("the README has " + snippets.size() + " Maven snippets of the client");
        }
        return snippets.get(0);
    }

    /** Every {@code <dependency>} block naming the client, in the README and the guides. */
    static List<String> mavenSnippets() {
        return DOCUMENTATION.pages().stream().flatMap(page -> mavenSnippets(page).stream()).toList();
    }

    /** Every Gradle line naming the client, in the README and the guides. */
    static List<String> gradleSnippets() {
        return all(GRADLE, 1);
    }

    /** Every file name of the TypeScript package ({@code emailaccounts-client-VERSION.tgz}), in the README and the guides. */
    static List<String> typescriptPackages() {
        return all(TYPESCRIPT_PACKAGE, 0);
    }

    /** The getting-started program that updates the demo record. */
    static String example() {
        List<String> programs = DOCUMENTATION.pages().stream().flatMap(page -> page.blocks("java").stream())
                .filter(block -> block.contains("public class UpdateHelpDesk ")).toList();
        if (programs.size() != 1) {
            throw new AssertionError("the README and the guides show " + programs.size() + " programs UpdateHelpDesk");
        }
        return programs.get(0);
    }

    /** The contract's info.version. */
    static String contractVersion() {
        try {
            Matcher matcher = Pattern.compile("(?m)^info:\\n(?:  .*\\n|\\n)*?  version: ['\"]?([^'\"\\s]+)")
                    .matcher(Files.readString(ROOT.resolve("api/openapi.yaml")));
            if (!matcher.find()) {
                throw new AssertionError("api/openapi.yaml has no info.version");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> mavenSnippets(Page page) {
        return page.blocks("xml").stream().filter(block -> block.contains("<artifactId>emailaccounts-client</artifactId>")).toList();
    }

    private static List<String> all(Pattern pattern, int group) {
        return DOCUMENTATION.pages().stream()
                .flatMap(page -> pattern.matcher(page.text()).results().map(result -> result.group(group))).toList();
    }
}
