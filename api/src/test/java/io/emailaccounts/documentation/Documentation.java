package io.emailaccounts.documentation;

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
 * Markdown whose fenced blocks are samples, which the tests of every module run wherever they live (the contract
 * module's test jar carries it to the others).
 */
public final class Documentation {

    /** A guide's file name: {@code NN-slug.md}. */
    private static final Pattern GUIDE = Pattern.compile("\\d+-([a-z0-9-]+)\\.md");

    private final Path root;

    private Documentation(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The documentation of the repository at {@code root}. */
    public static Documentation of(Path root) {
        return new Documentation(root);
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
    public Page readme() {
        return read(root.resolve("README.md"));
    }

    /** The guides, in their order. */
    public List<Page> guides() {
        try (Stream<Path> files = Files.list(root.resolve("api/guides"))) {
            return files.filter(file -> GUIDE.matcher(file.getFileName().toString()).matches()).sorted()
                    .map(this::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guide named {@code slug} (its file's name without the number and the extension). */
    public Page guide(String slug) {
        return guides().stream().filter(page -> page.file().matches("api/guides/\\d+-" + Pattern.quote(slug) + "\\.md"))
                .findFirst().orElseThrow(() -> new AssertionError("no guide api/guides/NN-" + slug + ".md"));
    }

    /** The README, then the guides. */
    public List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        pages.add(readme());
        pages.addAll(guides());
        return pages;
    }

    private Page read(Path file) {
        try {
            return new Page(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
