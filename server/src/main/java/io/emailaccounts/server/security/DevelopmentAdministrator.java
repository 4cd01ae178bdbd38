package io.emailaccounts.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import io.emailaccounts.server.config.InvalidConfigurationException;

/**
 * The administrator of the embedded development setup, for a newcomer who has configured no users yet. Its password
 * is random, made on first start and kept in a file beside the data ({@code user:password}, readable by its owner
 * only), so that nothing works out of the box anywhere else and no password is ever logged.
 */
record DevelopmentAdministrator(String username, String password) {

    static final String USERNAME = "admin@example.com";

    static DevelopmentAdministrator loadOrCreate(Path credentialsFile) {
        try {
            if (Files.exists(credentialsFile)) {
                String line = Files.readString(credentialsFile, StandardCharsets.UTF_8).strip();
                int colon = line.indexOf(':');
                if (colon <= 0 || colon == line.length() - 1) {
                    throw new InvalidConfigurationException(credentialsFile + " must hold one line user:password");
                }
                return new DevelopmentAdministrator(line.substring(0, colon), line.substring(colon + 1));
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            DevelopmentAdministrator created = new DevelopmentAdministrator(USERNAME,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            Path directory = credentialsFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path written = Files.writeString(credentialsFile, created.username() + ":" + created.password() + "\n", StandardCharsets.UTF_8);
            if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development credentials " + credentialsFile, e);
        }
    }

    @Override
    public String toString() {
        return "DevelopmentAdministrator[username=" + username + "]";
    }
}
