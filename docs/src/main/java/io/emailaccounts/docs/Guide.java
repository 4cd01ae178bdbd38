package io.emailaccounts.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A guide of the site: a Markdown file in api/guides, named {@code NN-slug.md} (NN orders the guides), whose first line
 * is its title ({@code # Title}).
 *
 * @param slug  the file's name without its number and extension, the guide's address in the site
 *              ({@code guides/slug.html})
 * @param title the first line, without its {@code # }
 * @param body  the rest
 */
public record Guide(String slug, String title, String body) {

    private static final Pattern FILE = Pattern.compile("\\d+-([a-z0-9-]+)\\.md");

    /**
     * The guide's page, in the site's guides folder: {@code slug.html}. A link to another guide by its file, as it works
     * where the files are read ({@code [Errors](40-errors.md)}), leads there in the site (see {@link GuidePages}).
     */
    public String page() {
        return slug + ".html";
    }

    /** The guides in the directory, in the order of their numbers; none when there is no such directory. */
    public static List<Guide> in(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> FILE.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .map(Guide::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Guide read(Path file) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        name.matches();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int firstLineEnd = text.indexOf('\n');
            String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
            if (!firstLine.startsWith("# ")) {
                throw new IllegalArgumentException(file + " must start with its title, as '# Title'");
            }
            return new Guide(name.group(1), firstLine.substring(2).strip(), firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
