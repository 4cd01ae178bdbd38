package io.emailaccounts.server.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.config.EmailAccountsProperties;

/**
 * {@code POST /actuator/backup} (an administrator's credentials): an online backup of the embedded database, taken
 * while the server runs and serves: H2's {@code BACKUP TO}, one transactionally consistent copy of the database file,
 * zipped, in {@code emailaccounts.backup.directory}. The backup holds every record (the secrets sealed): the directory
 * and each file are its owner's only, made so before anything is written in them; backups older than
 * {@code emailaccounts.backup.retention} are deleted as each new one is written. The answer names the file, not where
 * the directory is. To restore: stop the server, unzip the file into the database's directory
 * ({@code unzip -o backups/emailaccounts-....zip -d data}), start the server with the same keys (the encryption key
 * that sealed the stored secrets, the token-signing key: on the development setup the files {@code data/secrets-key}
 * and {@code data/token-signing-key}, which the backup does not hold).
 * <p>
 * Only on the embedded database; PostgreSQL is backed up with its own tools ({@code pg_dump}).
 */
@Component
@Endpoint(id = "backup")
@Conditional(EmbeddedDatabaseBackup.OnEmbeddedDatabase.class)
public class EmbeddedDatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The backups this endpoint writes, and only those, are deleted when old. */
    static final Pattern BACKUP_FILE = Pattern.compile("emailaccounts-\\d{8}T\\d{6}Z(-\\d+)?\\.zip");

    private final JdbcClient jdbc;
    private final Path directory;
    private final Duration retention;
    private final Clock clock;

    EmbeddedDatabaseBackup(JdbcClient jdbc, EmailAccountsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.directory = properties.backup().directory().toAbsolutePath();
        this.retention = properties.backup().retention();
        this.clock = clock;
    }

    @WriteOperation
    public Map<String, Object> backup() {
        try {
            createDirectoryOwnerOnly(directory);
            Path file = directory.resolve("emailaccounts-" + NAME.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)) + ".zip");
            for (int copy = 2; Files.exists(file); copy++) {
                file = directory.resolve(file.getFileName().toString().replaceFirst("(-\\d+)?\\.zip$", "-" + copy + ".zip"));
            }
            createFileOwnerOnly(file);
            jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
            List<String> deleted = deleteOlderThanRetention(file);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("file", file.getFileName().toString());
            answer.put("bytes", Files.size(file));
            answer.put("deleted", deleted);
            answer.put("restore", "Stop the server, unzip the file into the database's directory, start the server "
                    + "with the same encryption and token-signing keys.");
            log.info("Backup of the embedded database written to {}; {} older than {} deleted", file, deleted.size(), retention);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup into " + directory, e);
        }
    }

    /** Creates the directory, readable by its owner only where the file system has permissions; one that exists is left as it is. */
    private static void createDirectoryOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = Files.createDirectories(directory.getParent());
        if (posix(parent)) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(directory);
        }
    }

    /** Creates the empty file, readable by its owner only, before anything is written in it. */
    private static void createFileOwnerOnly(Path file) throws IOException {
        if (posix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    private static boolean posix(Path existing) throws IOException {
        return Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    /** Deletes the backups older than the retention, never the one just written; their names. */
    private List<String> deleteOlderThanRetention(Path written) throws IOException {
        Instant cutoff = clock.instant().minus(retention);
        List<String> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> BACKUP_FILE.matcher(file.getFileName().toString()).matches()).toList()) {
                if (!file.equals(written) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                    deleted.add(file.getFileName().toString());
                }
            }
        }
        return deleted;
    }

    /** The embedded database: an H2 URL (the server's default). */
    static class OnEmbeddedDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        }
    }
}
