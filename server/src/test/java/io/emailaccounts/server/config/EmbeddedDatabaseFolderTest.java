package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/** The embedded database's folder, when the server makes it, is its owner's only; other URLs name no folder. */
class EmbeddedDatabaseFolderTest {

    @TempDir
    Path work;

    @Test
    void shouldMakeTheDatabasesFolderOwnerOnly() throws IOException {
        Path folder = work.resolve("data");
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl("jdbc:h2:file:" + folder.resolve("emailaccounts") + ";AUTO_SERVER=FALSE");

        new EmbeddedDatabaseDurability().postProcessBeforeInitialization(properties, "dataSourceProperties");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void shouldLeaveAFolderThatExistsAsItIs() throws IOException {
        Path folder = Files.createDirectory(work.resolve("kept"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-x---")));
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl("jdbc:h2:" + folder.resolve("db"));

        new EmbeddedDatabaseDurability().postProcessBeforeInitialization(properties, "dataSourceProperties");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwxr-x---");
    }

    @Test
    void shouldFindTheFileOfAnEmbeddedUrlOnly() {
        assertThat(EmbeddedDatabaseDurability.fileOf("jdbc:h2:file:./data/emailaccounts;AUTO_SERVER=FALSE"))
                .hasValue(Path.of("data/emailaccounts").toAbsolutePath());
        assertThat(EmbeddedDatabaseDurability.fileOf("jdbc:h2:~/db")).hasValue(Path.of(System.getProperty("user.home"), "db"));
        assertThat(EmbeddedDatabaseDurability.fileOf("jdbc:h2:mem:test")).isEmpty();
        assertThat(EmbeddedDatabaseDurability.fileOf("jdbc:h2:tcp://host/db")).isEmpty();
        assertThat(EmbeddedDatabaseDurability.fileOf("jdbc:postgresql://host/db")).isEmpty();
    }
}
