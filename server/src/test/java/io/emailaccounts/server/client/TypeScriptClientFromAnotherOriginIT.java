package io.emailaccounts.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.emailaccounts.server.support.Chromium;
import io.emailaccounts.server.support.PackedTypeScriptClient;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packed TypeScript client in headless Chromium, on a page served from another origin than the API's (a site of
 * its own on 127.0.0.1, the API on localhost), as a single-page app is: from an origin the server allows
 * ({@code emailaccounts.cors.allowed-origins}), it signs in, creates a record (its preflight asks for Authorization,
 * Content-Type, Idempotency-Key and Prefer) and reads the answer's exposed headers (the rate limit, the ETag); from an
 * origin the server does not list, the browser gets nothing and the server does nothing.
 */
class TypeScriptClientFromAnotherOriginIT extends RunningServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpServer ALLOWED_SITE = site();
    private static final HttpServer OTHER_SITE = site();

    @DynamicPropertySource
    static void allowTheFirstSite(DynamicPropertyRegistry registry) {
        registry.add("emailaccounts.cors.allowed-origins", () -> origin(ALLOWED_SITE));
    }

    @AfterAll
    static void stopSites() {
        ALLOWED_SITE.stop(0);
        OTHER_SITE.stop(0);
    }

    @Test
    void shouldCallTheApiFromAnAllowedOrigin() throws Exception {
        String text = visit(ALLOWED_SITE, "From an allowed origin");

        assertThat(text).as("what the page reported").startsWith("{");
        JsonNode result = JSON.readTree(text);
        assertThat(result.get("displayName").asString()).isEqualTo("From an allowed origin");
        assertThat(result.get("policy").asString()).as("RateLimit, exposed to the page").isEqualTo("writes");
        assertThat(result.get("remaining").asLong()).isPositive();
        assertThat(result.get("etag").asString()).as("ETag, exposed to the page").matches("\"[0-9]+\"");
        assertThat(storedNamed("From an allowed origin")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnOriginTheServerDoesNotList() throws Exception {
        String text = visit(OTHER_SITE, "From another origin");

        // The browser keeps the answer from the page, whatever it was: fetch fails (the generated client's FetchError).
        assertThat(text).as("what the page reported").startsWith("failed: FetchError");
        assertThat(storedNamed("From another origin")).isZero();
    }

    private long storedNamed(String displayName) {
        return jdbc.sql("SELECT COUNT(*) FROM email_account WHERE display_name = ?").param(displayName).query(Long.class).single();
    }

    /** The site's page, which creates a record of that name through the API and reads it back. */
    private String visit(HttpServer site, String displayName) throws IOException, InterruptedException {
        String script = PackedTypeScriptClient.script("""
                    const emailAccounts = new client.EmailAccountsApi(client.createConfiguration({
                        baseUrl: %s, auth: { passwordGrant: { username: %s, password: %s } }, maxRetries: 0,
                    }));
                    const created = await emailAccounts.createEmailAccountRaw({ emailAccountFields: {
                        businessId: 1001, displayName: %s, emailAddress: 'spa@example.com', incomingServer: 'imap.example.com',
                        incomingServerType: client.EmailServerType.Imap, incomingServerPort: 993, incomingServerUsername: 'spa',
                        deleteMessageSettings: client.MessageDeletionPolicy.DeleteOnReceive, outgoingServer: 'smtp.example.com',
                        outgoingServerPort: 587, outgoingServerUsername: 'spa', lastMessageId: 0, errorCount: 0,
                    } });
                    const limit = client.rateLimitStatus(created);
                    const read = await emailAccounts.getEmailAccountRaw({ id: (await created.value()).value.id });
                    return { displayName: (await read.value()).displayName, etag: read.raw.headers.get('ETag'),
                             policy: limit && limit.policy, remaining: limit && limit.remaining };
                """.formatted(JSON.writeValueAsString(baseUrl()), JSON.writeValueAsString(ADMIN),
                JSON.writeValueAsString(ADMIN_PASSWORD), JSON.writeValueAsString(displayName)));
        Map<String, String> files = Map.of("/index.html", PackedTypeScriptClient.page("A single-page app", "app.js"), "/app.js", script);
        site.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    exchange.getRequestURI().getPath().endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        try {
            return PackedTypeScriptClient.result(Chromium.visit(origin(site) + "/index.html").dom());
        } finally {
            site.removeContext("/");
        }
    }

    private static HttpServer site() {
        try {
            HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            site.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String origin(HttpServer site) {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }
}
