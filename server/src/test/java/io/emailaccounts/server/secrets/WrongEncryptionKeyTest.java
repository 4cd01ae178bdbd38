package io.emailaccounts.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.emailaccounts.server.EmailAccountsServerApplication;
import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.StoredPasswords;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server started with another encryption key than the one its stored access tokens were sealed with could never
 * read them again, and would go on storing new ones under a second key: it refuses to start instead, naming the cause.
 */
class WrongEncryptionKeyTest {

    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String encryptionKey) {
        return SpringApplication.run(EmailAccountsServerApplication.class,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("emailaccounts"),
                "--emailaccounts.demo-data=false",
                "--emailaccounts.security.token-signing-key=" + RunningServerTest.TOKEN_SIGNING_KEY,
                "--emailaccounts.secrets.encryption-key=" + encryptionKey,
                "--emailaccounts.users[0].username=" + RunningServerTest.ADMIN,
                "--emailaccounts.users[0].password=" + StoredPasswords.bcrypt(RunningServerTest.ADMIN_PASSWORD),
                "--emailaccounts.users[0].administrator=true");
    }

    @Test
    void shouldRefuseToStartWithAKeyThatCannotReadTheStoredAccessTokens() {
        long id;
        try (ConfigurableApplicationContext server = start(RunningServerTest.ENCRYPTION_KEY)) {
            ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
            body.remove("Id");
            body.put("Office365AccessToken", "office-token");
            RawHttp admin = new RawHttp("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
                    .basicAuth(RunningServerTest.ADMIN, RunningServerTest.ADMIN_PASSWORD);
            RawHttp.Response created = admin.send("POST", "/api/crm/emailaccounts", "application/json", body.toString());
            assertThat(created.status()).isEqualTo(200);
            id = created.json().get("Value").get("Id").asLong();
        }

        Throwable failure = catchThrowable(() -> start(OTHER_KEY).close());

        assertThat(failure).isInstanceOf(InvalidConfigurationException.class).hasMessage("emailaccounts.secrets.encryption-key is not the key the stored access tokens were "
                        + "encrypted with (EmailAccount " + id + " cannot be read with it). Start with the key they were stored under.");
        start(RunningServerTest.ENCRYPTION_KEY).close();
    }
}
