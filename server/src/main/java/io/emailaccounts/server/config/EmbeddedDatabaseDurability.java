package io.emailaccounts.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * An embedded H2 database kept in a file writes every commit to the file before the server answers, whatever URL the
 * operator gives: H2's own default waits up to 500 ms, and a killed server would lose writes it confirmed. The URL
 * gets {@code WRITE_DELAY=0} when it does not say; a URL that asks for another delay is refused at start-up. The
 * folder of the file, when the server makes it (the README's {@code ./data}), is readable by its owner only: it holds
 * every record, and in development mode the keys and the administrator's password.
 */
@Component
final class EmbeddedDatabaseDurability implements BeanPostProcessor {

    private static final Pattern WRITE_DELAY = Pattern.compile(";\\s*WRITE_DELAY\\s*=([^;]*)", Pattern.CASE_INSENSITIVE);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(durable(properties.getUrl()));
            fileOf(properties.getUrl()).map(Path::getParent).ifPresent(EmbeddedDatabaseDurability::ownerOnlyFolder);
        }
        return bean;
    }

    /** The file an H2 URL names ({@code jdbc:h2:./data/db}, {@code jdbc:h2:file:/var/db}); empty for any other URL. */
    static Optional<Path> fileOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:") || lower.startsWith("jdbc:h2:zip:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        path = path.regionMatches(true, 0, "file:", 0, 5) ? path.substring(5) : path;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    /** Makes the folder, owner-only, when it does not exist yet; one that exists is left as its owner made it. */
    private static void ownerOnlyFolder(Path folder) {
        if (folder == null || Files.exists(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: H2 makes the folder as the platform does
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the embedded database's folder " + folder, e);
        }
    }

    /** The URL of a database that writes every commit at once: as it is, or with {@code WRITE_DELAY=0}. */
    static String durable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        Matcher delay = WRITE_DELAY.matcher(url);
        if (!delay.find()) {
            return url + ";WRITE_DELAY=0";
        }
        if (delay.group(1).strip().equals("0")) {
            return url;
        }
        throw new InvalidConfigurationException("spring.datasource.url sets WRITE_DELAY=" + delay.group(1).strip()
                + ": the embedded database would confirm writes up to that many milliseconds before they reach the file,"
                + " and a killed server would lose them.",
                "Leave WRITE_DELAY out of spring.datasource.url (the server sets WRITE_DELAY=0 on every H2 file database).");
    }
}
