package io.emailaccounts.server.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/backup} (an administrator's credentials): an online backup of the embedded database, taken
 * while the server runs and serves: H2's {@code BACKUP TO}, one transactionally consistent copy of the database file,
 * zipped, in {@code emailaccounts.backup.directory}. To restore: stop the server, unzip the file into the database's
 * directory ({@code unzip -o backups/emailaccounts-....zip -d data}), start the server with the same keys (the
 * encryption key that sealed the stored secrets, the token-signing key: on the development setup the files
 * {@code data/secrets-key} and {@code data/token-signing-key}, which the backup does not hold).
 * <p>
 * Only on the embedded database; PostgreSQL is backed up with its own tools ({@code pg_dump}).
 */
@Component
@Endpoint(id = "backup")
@Conditional(EmbeddedDatabaseBackup.OnEmbeddedDatabase.class)
public class EmbeddedDatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Path directory;
    private final Clock clock;

    EmbeddedDatabaseBackup(JdbcClient jdbc, @Value("${emailaccounts.backup.directory:backups}") Path directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory.toAbsolutePath();
        this.clock = clock;
    }

    @WriteOperation
    public Map<String, Object> backup() {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("emailaccounts-" + NAME.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)) + ".zip");
            for (int copy = 2; Files.exists(file); copy++) {
                file = directory.resolve(file.getFileName().toString().replaceFirst("(-\\d+)?\\.zip$", "-" + copy + ".zip"));
            }
            jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("file", file.toString());
            answer.put("bytes", Files.size(file));
            answer.put("restore", "Stop the server, unzip the file into the database's directory, start the server "
                    + "with the same encryption and token-signing keys.");
            log.info("Backup of the embedded database written to {}", file);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup into " + directory, e);
        }
    }

    /** The embedded database: an H2 URL (the server's default). */
    static class OnEmbeddedDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        }
    }
}
