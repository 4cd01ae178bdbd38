package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The mode is said by emailaccounts.mode; its default, and where the limits live, follow the database by one rule. */
class RunModeTest {

    private static final String EMBEDDED = "jdbc:h2:file:./data/emailaccounts;WRITE_DELAY=0";
    private static final String POSTGRESQL = "jdbc:postgresql://db:5432/emailaccounts";

    @Test
    void shouldDevelopOnTheEmbeddedDatabaseAndRunInProductionElsewhereByDefault() {
        assertThat(new RunMode(EMBEDDED, "").isDevelopment()).isTrue();
        assertThat(new RunMode("jdbc:h2:mem:tests", "").isDevelopment()).isTrue();
        assertThat(new RunMode(POSTGRESQL, "").isDevelopment()).isFalse();
    }

    @Test
    void shouldTakeTheModeSaidOverTheDefault() {
        assertThat(new RunMode(EMBEDDED, "production").isDevelopment()).isFalse();
        assertThat(new RunMode(POSTGRESQL, "Development").isDevelopment()).isTrue();
    }

    @Test
    void shouldKeepBothLimitsWhereTheDatabaseSaysWhateverTheMode() {
        assertThat(new RunMode(EMBEDDED, "production").keepsLimitsInMemory()).as("one process owns the embedded file").isTrue();
        assertThat(new RunMode(POSTGRESQL, "development").keepsLimitsInMemory()).as("replicas share PostgreSQL").isFalse();
    }

    @Test
    void shouldRunAnH2ServerInProductionWithItsLimitsInMemory() {
        RunMode h2Server = new RunMode("jdbc:h2:tcp://localhost:9092/emailaccounts", "");

        assertThat(h2Server.isDevelopment()).as("not the embedded database").isFalse();
        assertThat(h2Server.keepsLimitsInMemory()).as("the shared store is PostgreSQL's").isTrue();
    }

    @Test
    void shouldRefuseAnUnknownMode() {
        assertThatThrownBy(() -> new RunMode(EMBEDDED, "staging")).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("emailaccounts.mode is 'staging'");
    }
}
