package io.emailaccounts.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's Java client section: its dependency snippets and its example, as a newcomer copies them. */
final class ReadmeClientSection {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private ReadmeClientSection() {
    }

    /** The {@code <dependency>} block of the section. */
    static String mavenSnippet() {
        return only(blocks("xml").stream().filter(block -> block.contains("<artifactId>emailaccounts-client</artifactId>")).toList(),
                "the Maven dependency snippet");
    }

    /** The Gradle line of the section. */
    static String gradleSnippet() {
        Matcher matcher = Pattern.compile("`(implementation\\(\"io\\.emailaccounts:emailaccounts-client:[^\"]*\"\\))`").matcher(section());
        if (!matcher.find()) {
            throw new AssertionError("the README's Java client section has no Gradle snippet");
        }
        return matcher.group(1);
    }

    /** The example program of the section. */
    static String example() {
        return only(blocks("java").stream().filter(block -> block.contains("public class UpdateHelpDesk")).toList(),
                "the example UpdateHelpDesk");
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

    private static List<String> blocks(String language) {
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section());
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String section() {
        try {
            String readme = Files.readString(ROOT.resolve("README.md"));
            int start = readme.indexOf("\n## Java client\n");
            if (start < 0) {
                throw new AssertionError("the README has no section \"Java client\"");
            }
            int end = readme.indexOf("\n## ", start + 1);
            return readme.substring(start, end < 0 ? readme.length() : end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String only(List<String> blocks, String what) {
        if (blocks.size() != 1) {
            throw new AssertionError("the README's Java client section has " + blocks.size() + " blocks of " + what);
        }
        return blocks.get(0);
    }
}
