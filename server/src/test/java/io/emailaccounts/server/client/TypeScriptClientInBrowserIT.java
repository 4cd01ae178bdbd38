package io.emailaccounts.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.Chromium;
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
    private static final Path PACKAGE = Path.of("..", "client", "target", "typescript").toAbsolutePath().normalize();
    /** Under /docs/, which the server serves without credentials, as the reference. */
    private static final String PAGE = "docs/typescript-client-in-a-browser.html";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPT = Path.of("docs", "typescript-client-in-a-browser.js");

    @Test
    void shouldSignInCreateWithAKeyAndReadBackInABrowser() throws IOException, InterruptedException {
        writePage(packedModules());

        String dom = Chromium.visit(baseUrl() + "/" + PAGE).dom();

        String text = dom.replaceAll("(?s).*<pre id=\"result\">(.*?)</pre>.*", "$1").replace("&quot;", "\"");
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

    /** The JavaScript files of the packed client (its .tgz, as npm installs it), by path under dist/src. */
    private static Map<String, String> packedModules() throws IOException, InterruptedException {
        Path tarball;
        try (Stream<Path> files = Files.list(PACKAGE)) {
            tarball = files.filter(file -> file.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no packed client in " + PACKAGE + " (mvn package -pl client)"));
        }
        Path unpacked = Files.createTempDirectory("packed-client");
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf " + tarball).isTrue();
        Path sources = unpacked.resolve("package/dist/src");
        Map<String, String> modules = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".js")).toList()) {
                modules.put(sources.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return modules;
    }

    /**
     * The page and its one script, a file beside it: the server's Content-Security-Policy for /docs/ lets scripts come
     * from its own files only (no inline script, no eval), as a strict site's would. Each module is a function in that
     * file, called by a require of a dozen lines.
     */
    private static void writePage(Map<String, String> modules) throws IOException {
        Path page = Path.of(SITE, PAGE);
        Files.createDirectories(page.getParent());
        Files.writeString(page, """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>The TypeScript client in a browser</title></head>
                <body><pre id="result">pending</pre>
                <script src="%s"></script>
                </body></html>
                """.formatted(SCRIPT.getFileName()));
        StringBuilder definitions = new StringBuilder();
        modules.forEach((path, source) -> definitions.append(JSON.writeValueAsString(path))
                .append(": function (exports, require, module) {\n").append(source).append("\n},\n"));
        Files.writeString(Path.of(SITE).resolve(SCRIPT), """
                // The package's CommonJS modules (as tsc emits them), each a function, loaded with a require of a dozen lines.
                const sources = {
                %s};
                const loaded = {};
                function load(path) {
                    if (loaded[path]) return loaded[path].exports;
                    const module = { exports: {} };
                    loaded[path] = module;
                    const directory = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
                    sources[path](module.exports, spec => load(resolve(directory, spec)), module);
                    return module.exports;
                }
                function resolve(directory, spec) {
                    const parts = [];
                    for (const part of (directory + spec).split('/')) {
                        if (part === '..') parts.pop(); else if (part !== '.' && part !== '') parts.push(part);
                    }
                    const path = parts.join('/');
                    for (const candidate of [path, path + '.js', path + '/index.js']) {
                        if (candidate in sources) return candidate;
                    }
                    throw new Error('no module ' + spec + ' from ' + directory);
                }
                (async () => {
                    const nodeBuiltIns = typeof Buffer !== 'undefined' || typeof process !== 'undefined' || typeof require !== 'undefined';
                    const client = load('index.js');
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
                })().then(result => { document.getElementById('result').textContent = JSON.stringify(result); },
                          failure => { document.getElementById('result').textContent = 'failed: ' + failure + '\\n' + failure.stack; });
                """.formatted(definitions, JSON.writeValueAsString(ADMIN),
                JSON.writeValueAsString(ADMIN_PASSWORD)));
    }
}
