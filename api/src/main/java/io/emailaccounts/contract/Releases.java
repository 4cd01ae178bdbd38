package io.emailaccounts.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The released contracts, kept one file per version in {@code api/released} ({@code 1.0.0.yaml}, {@code 1.1.0.yaml},
 * ...), oldest first: what clients of each version have.
 */
public record Releases(List<Release> all) {

    /** A released contract: its version, as its file is named, and the file. */
    public record Release(String version, Path file) {

        /** The release's written upgrade notes, beside it ({@code 1.1.0.md}); the file may not exist. */
        public Path notes() {
            return file.resolveSibling(version + ".md");
        }
    }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

    public static Releases in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Release> releases = files
                    .filter(file -> VERSION.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(Releases::order))
                    .map(file -> new Release(file.getFileName().toString().replaceFirst("\\.yaml$", ""), file))
                    .toList();
            if (releases.isEmpty()) {
                throw new IllegalStateException("No released contract (such as 1.0.0.yaml) in " + directory.toAbsolutePath());
            }
            return new Releases(releases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path latest() {
        return all.get(all.size() - 1).file();
    }

    private static long order(Path file) {
        Matcher version = VERSION.matcher(file.getFileName().toString());
        if (!version.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Long.parseLong(version.group(1)) * 1_000_000_000_000L + Long.parseLong(version.group(2)) * 1_000_000L
                + Long.parseLong(version.group(3));
    }
}
