package io.emailaccounts.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Secrets of the embedded development setup (an administrator's password, keys), made on first start and kept in
 * files beside the data, readable by their owner only, so that they survive restarts and are never logged.
 */
public final class DevelopmentFiles {

    private DevelopmentFiles() {
    }

    /** The content of {@code file}, made by {@code create} and written first if the file does not exist yet. */
    public static String loadOrCreate(Path file, Supplier<String> create) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String content = create.get();
            Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
            // Created readable by its owner only, before the secret is written into it: never readable by others.
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
