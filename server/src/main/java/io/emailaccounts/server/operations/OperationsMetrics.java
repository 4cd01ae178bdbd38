package io.emailaccounts.server.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metrics the shipped alerting rules need beside the request counts: whether this replica is ready
 * ({@code emailaccounts_ready}, 1 or 0, as {@code /actuator/health/readiness} would answer), and when the last backup of
 * the embedded database was written ({@code emailaccounts_backup_last_success_timestamp_seconds}, the newest backup in
 * {@code emailaccounts.backup.directory}, kept across restarts; NaN while there is none, as where backups do not run).
 * Both are read when Prometheus scrapes them (each gauge holds what it reads: a gauge given an object holds it weakly,
 * and would answer NaN once it is collected).
 */
@Component
class OperationsMetrics {

    OperationsMetrics(HealthEndpoint health, EmailAccountsProperties properties, MeterRegistry meters) {
        Gauge.builder("emailaccounts.ready", health, OperationsMetrics::ready)
                .description("1 while this replica is ready to take requests (its readiness probe answers UP), else 0")
                .register(meters);
        Path backups = properties.backup().directory().toAbsolutePath();
        Gauge.builder("emailaccounts.backup.last.success.timestamp", () -> newestBackup(backups))
                .baseUnit("seconds").description("When the newest backup of the embedded database was written (Unix time)")
                .register(meters);
    }

    private static double ready(HealthEndpoint health) {
        HealthDescriptor readiness = health.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }

    /** The newest backup file's time, in seconds since the epoch; NaN when there is none, or the folder cannot be read. */
    private static double newestBackup(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> EmbeddedDatabaseBackup.BACKUP_FILE.matcher(file.getFileName().toString()).matches())
                    .mapToLong(OperationsMetrics::modified).filter(millis -> millis >= 0).max()
                    .stream().mapToDouble(millis -> millis / 1000.0).findFirst().orElse(Double.NaN);
        } catch (IOException | UncheckedIOException unreadable) {
            return Double.NaN;
        }
    }

    /** When the file was last written, in milliseconds since the epoch; -1 when it is gone. */
    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
