package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

    @TempDir
    Path data;

    @Test
    void shouldTakeTheConfiguredKey() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(SecretKeys.resolve("k", configured, false, data.resolve("key"))).hasSize(32);
        assertThat(data.resolve("key")).doesNotExist();
    }

    @Test
    void shouldStopStartUpWithoutAKeyOutsideTheEmbeddedDatabase() {
        assertThatThrownBy(() -> SecretKeys.resolve("emailaccounts.secrets.encryption-key", null, false, data.resolve("key")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("emailaccounts.secrets.encryption-key is not set. Set it to base64 of 32 random bytes, "
                        + "for example the output of: openssl rand -base64 32");
        assertThat(data.resolve("key")).doesNotExist();
    }

    @Test
    void shouldMakeAndKeepADevelopmentKeyOnTheEmbeddedDatabase() throws Exception {
        byte[] first = SecretKeys.resolve("k", "", true, data.resolve("key"));
        byte[] second = SecretKeys.resolve("k", null, true, data.resolve("key"));

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("key")))).isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseAShortOrMalformedKey() {
        assertThatThrownBy(() -> SecretKeys.resolve("k", Base64.getEncoder().encodeToString(new byte[16]), false, data))
                .hasMessage("k must hold at least 32 bytes (256 bits); it holds 16");
        assertThatThrownBy(() -> SecretKeys.resolve("k", "not base64!", false, data)).hasMessage("k is not valid base64");
    }
}
