package io.emailaccounts.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the project shows its readers: the README and the guides of api/guides (published in the site), each a page of
 * Markdown whose fenced blocks are samples to run.
 */
public final class Documentation {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Documentation() {
    }

    /** A page: its file, relative to the repository, and its text. */
    public record Page(String file, String text) {

        /** The fenced blocks of this language ({@code bash}, {@code java}, ...), in order, without their fences. */
        public List<String> blocks(String language) {
            Matcher block = Pattern.compile("(?m)^```" + Pattern.quote(language) + "\\n(.*?)^```", Pattern.DOTALL).matcher(text);
            List<String> blocks = new ArrayList<>();
            while (block.find()) {
                blocks.add(block.group(1));
            }
            return blocks;
        }

        /**
         * The text from the heading that starts with {@code heading} to the next heading of its level or above (a line
         * starting with {@code #} within a fenced block, such as a shell comment, is not a heading).
         */
        public Page section(String heading) {
            int level = heading.indexOf(' ');
            List<String> lines = text.lines().toList();
            StringBuilder section = new StringBuilder();
            boolean inSection = false;
            boolean fenced = false;
            for (String line : lines) {
                boolean isHeading = !fenced && line.matches("#{1," + level + "} .*");
                if (line.startsWith("```")) {
                    fenced = !fenced;
                }
                if (isHeading && inSection) {
                    break;
                }
                inSection |= isHeading && line.startsWith(heading);
                if (inSection) {
                    section.append(line).append('\n');
                }
            }
            if (!inSection) {
                throw new AssertionError(file + " has no section \"" + heading + "\"");
            }
            return new Page(file + " " + heading, section.toString());
        }
    }

    /** The README. */
    public static Page readme() {
        return read(ROOT.resolve("README.md"));
    }

    /** The guides, in their order. */
    public static List<Page> guides() {
        try (Stream<Path> files = Files.list(ROOT.resolve("api/guides"))) {
            return files.filter(file -> file.getFileName().toString().matches("\\d+-[a-z0-9-]+\\.md")).sorted()
                    .map(Documentation::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guide named {@code slug} (its file's name without the number and the extension). */
    public static Page guide(String slug) {
        return guides().stream().filter(page -> page.file().matches("api/guides/\\d+-" + Pattern.quote(slug) + "\\.md"))
                .findFirst().orElseThrow(() -> new AssertionError("no guide api/guides/NN-" + slug + ".md"));
    }

    /** The README, then the guides. */
    public static List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        pages.add(readme());
        pages.addAll(guides());
        return pages;
    }

    private static Page read(Path file) {
        try {
            return new Page(ROOT.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
