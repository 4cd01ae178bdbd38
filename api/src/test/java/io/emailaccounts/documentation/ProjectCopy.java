package io.emailaccounts.documentation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A copy of the project as a clone has it, uncommitted changes included (what Git tracks or would track: no build
 * output, no installed packages, no local run's data), for tests that build it as a newcomer would without touching the
 * project's own folders.
 */
public final class ProjectCopy {

    private ProjectCopy() {
    }

    /** Copies the project at {@code root} into {@code copy}, emptied first. */
    public static Path of(Path root, Path copy) throws IOException, InterruptedException {
        delete(copy);
        Files.createDirectories(copy);
        Process files = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String listing = new String(files.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (files.waitFor() != 0) {
            throw new IllegalStateException("git could not list the files of " + root);
        }
        for (String name : listing.split("\0")) {
            Path source = root.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(source)) {
                Path target = copy.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    /** Deletes the directory and everything in it, if it exists. */
    public static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
