package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.support.StandaloneServer;

/** What the server checks before it starts: a durable embedded database whatever its URL, a free port. */
class StartUpChecksTest {

    @Test
    void shouldWriteEveryCommitOfAnEmbeddedFileDatabaseWhateverItsUrlSays() {
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:file:/srv/ea")).isEqualTo("jdbc:h2:file:/srv/ea;WRITE_DELAY=0");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:./data/ea;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:./data/ea;AUTO_SERVER=FALSE;WRITE_DELAY=0");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:file:/srv/ea;write_delay = 0")).isEqualTo("jdbc:h2:file:/srv/ea;write_delay = 0");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:postgresql://db/ea")).isEqualTo("jdbc:postgresql://db/ea");
        assertThatThrownBy(() -> EmbeddedDatabaseDurability.durable("jdbc:h2:file:/srv/ea;WRITE_DELAY=500"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("spring.datasource.url sets WRITE_DELAY=500: ");
    }

    @Test
    void shouldRunAnOperatorsOwnEmbeddedFileDatabaseWithoutWriteDelay(@TempDir Path folder) {
        try (ConfigurableApplicationContext server = StandaloneServer.start(
                "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("ea"))) {
            List<String> writeDelay = server.getBean(JdbcClient.class)
                    .sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .query(String.class).list();
            assertThat(writeDelay).isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void shouldReportAPortInUseBeforeWritingAnything(@TempDir Path folder) throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            Throwable failure = catchThrowable(() -> StandaloneServer.start(
                    "--server.port=" + taken.getLocalPort(),
                    "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("data/ea")));

            assertThat(failure).isInstanceOf(PortInUseException.class);
            assertThat(((PortInUseException) failure).getPort()).isEqualTo(taken.getLocalPort());
        }
        try (var written = Files.list(folder)) {
            assertThat(written).as("files written before the port was found taken").isEmpty();
        }
    }
}
