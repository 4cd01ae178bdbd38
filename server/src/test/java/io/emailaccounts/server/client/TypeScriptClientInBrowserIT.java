package io.emailaccounts.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.Chromium;
import io.emailaccounts.server.support.PackedTypeScriptClient;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packed TypeScript client (the npm package the client module makes) in a browser, headless Chromium: a page served
 * by this server, from its own origin (no CORS involved), loads the package's modules, signs in with the password
 * grant, creates a record with a key of its own and once more with the same key, creates one with the key the client
 * makes, and reads the record back. Only what browsers have is used: no Node.js Buffer, process or require.
 */
@TestPropertySource(properties = "spring.web.resources.static-locations=classpath:/static/,file:"
        + TypeScriptClientInBrowserIT.SITE + "/")
class TypeScriptClientInBrowserIT extends RunningServerTest {

    static final String SITE = "target/browser-client";
    /** Under /docs/, which the server serves without credentials, as the reference. */
    private static final String PAGE = "docs/typescript-client-in-a-browser.html";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPT = Path.of("docs", "typescript-client-in-a-browser.js");

    @Test
    void shouldSignInCreateWithAKeyAndReadBackInABrowser() throws IOException, InterruptedException {
        writePage();

        String dom = Chromium.visit(baseUrl() + "/" + PAGE).dom();

        String text = PackedTypeScriptClient.result(dom);
        assertThat(text).as("what the page reported:%n%s", dom).startsWith("{");
        JsonNode result = JSON.readTree(text);
        assertThat(result.get("nodeBuiltIns").asBoolean()).as("Buffer, process or require in the page").isFalse();
        assertThat(result.get("againId").asLong()).as("the same key again: the same record").isEqualTo(result.get("id").asLong());
        assertThat(result.get("displayName").asString()).isEqualTo("Opened in a browser");
        long made = jdbc.sql("SELECT COUNT(*) FROM email_account WHERE display_name = 'Opened in a browser'").query(Long.class).single();
        assertThat(made).as("records made by the two creates with one key").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE record_id = ?").param(result.get("ownKeyId").asLong())
                .query(Long.class).single()).as("the key the client made in the browser, kept with its record").isEqualTo(1);
    }

    /**
     * The page and its one script, a file beside it: the server's Content-Security-Policy for /docs/ lets scripts come
     * from its own files only (no inline script, no eval), as a strict site's would.
     */
    private static void writePage() throws IOException, InterruptedException {
        Path page = Path.of(SITE, PAGE);
        Files.createDirectories(page.getParent());
        Files.writeString(page, PackedTypeScriptClient.page("The TypeScript client in a browser", SCRIPT.getFileName().toString()));
        Files.writeString(Path.of(SITE).resolve(SCRIPT), PackedTypeScriptClient.script("""
                    const emailAccounts = new client.EmailAccountsApi(client.createConfiguration({
                        baseUrl: location.origin, auth: { passwordGrant: { username: %s, password: %s } },
                    }));
                    const fields = displayName => ({
                        businessId: 1001, displayName, emailAddress: 'browser@example.com', incomingServer: 'imap.example.com',
                        incomingServerType: client.EmailServerType.Imap, incomingServerPort: 993, incomingServerUsername: 'browser',
                        deleteMessageSettings: client.MessageDeletionPolicy.DeleteOnReceive, outgoingServer: 'smtp.example.com',
                        outgoingServerPort: 587, outgoingServerUsername: 'browser', lastMessageId: 0, errorCount: 0,
                    });
                    const key = 'browser-' + Date.now();
                    const created = await emailAccounts.createEmailAccount({ emailAccountFields: fields('Opened in a browser'), idempotencyKey: key });
                    const again = await emailAccounts.createEmailAccount({ emailAccountFields: fields('Opened in a browser'), idempotencyKey: key });
                    const ownKey = await emailAccounts.createEmailAccount({ emailAccountFields: fields('Keyed by the client') });
                    const read = await emailAccounts.getEmailAccount({ id: created.value.id });
                    return { nodeBuiltIns, id: created.value.id, againId: again.value.id, ownKeyId: ownKey.value.id,
                             displayName: read.displayName };
                """.formatted(JSON.writeValueAsString(ADMIN), JSON.writeValueAsString(ADMIN_PASSWORD))));
    }
}
