package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.security.SecurityHeaders;
import io.emailaccounts.server.support.Chromium;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;

/**
 * /docs serves the site the docs module built (the reference, the guides' pages), plus the interactive console, all
 * from this server.
 */
class DocsTest extends RunningServerTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");
    /** What a guide's page loads: its scripts and its style sheet. */
    private static final Pattern GUIDE_ASSET = Pattern.compile("<(?:script|link)\\b[^>]*\\s(?:src|href)=\"([^\"]+)\"");
    /** A link to a page of the site (no scheme), without its fragment. */
    private static final Pattern SITE_LINK = Pattern.compile("<a\\b[^>]*\\shref=\"([^\"#:]+)(?:#[^\"]*)?\"");

    @Test
    void shouldRedirectToTheReferenceFolder() {
        RawHttp.Response response = http().get("/docs");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/docs/");
    }

    @Test
    void shouldSendABrowserAtTheServersRootToTheReferenceWithoutAskingForCredentials() {
        RawHttp.Response response = http().get("/");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/docs/");
        assertThat(response.header("WWW-Authenticate")).isNull();
    }

    @Test
    void shouldServeTheReferenceTheDocsModuleBuilt() throws IOException {
        RawHttp.Response page = http().get("/docs/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).isEqualTo(Files.readString(Path.of("..", "docs", "target", "site", "index.html")));
        assertLocalAssets("/docs/", page.body(), List.of("redoc.standalone.js", "site.css", "search.js",
                "guides/search-index.js", "guides/configuration.html"));
    }

    /**
     * Every guide's page (the docs module renders each of api/guides as a page of its own) is served under
     * /docs/guides/, as the docs module built it, with the same policy as the reference; what it loads and links to in
     * the site is served too.
     */
    @Test
    void shouldServeEveryGuidesPageTheDocsModuleBuilt() throws IOException {
        List<Path> guides;
        try (Stream<Path> files = Files.list(Path.of("..", "api", "guides"))) {
            guides = files.filter(file -> file.getFileName().toString().matches("\\d+-[a-z0-9-]+\\.md")).toList();
        }
        assertThat(guides).hasSizeGreaterThan(5);
        Set<String> links = new TreeSet<>();
        for (Path guide : guides) {
            String page = guide.getFileName().toString().replaceFirst("^\\d+-", "").replaceFirst("\\.md$", ".html");
            RawHttp.Response response = http().get("/docs/guides/" + page);

            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.contentType()).as(page).startsWith("text/html");
            assertThat(response.header("Content-Security-Policy")).as(page).isEqualTo(SecurityHeaders.DOCS_POLICY);
            assertThat(response.body()).as(page).isEqualTo(Files.readString(Path.of("..", "docs", "target", "site", "guides", page)));
            List<String> assets = GUIDE_ASSET.matcher(response.body()).results().map(asset -> asset.group(1)).toList();
            assertThat(assets).as(page).containsExactlyInAnyOrder("../site.css", "search-index.js", "../search.js");
            links.addAll(SITE_LINK.matcher(response.body()).results().map(link -> link.group(1)).toList());
            links.addAll(assets);
        }
        assertThat(links).as("what the guides' pages load and link to in the site")
                .contains("../index.html", "../contract/openapi.yaml", "../clients/java/index.html");
        for (String link : links) {
            String path = URI.create("/docs/guides/").resolve(link).getPath();
            assertThat(http().get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void shouldServeTheConsoleFromThisServer() {
        RawHttp.Response console = http().get("/docs/try-it.html");

        assertThat(console.status()).isEqualTo(200);
        assertLocalAssets("/docs/", console.body(), List.of("/webjars/swagger-ui/swagger-ui-bundle.js",
                "/webjars/swagger-ui/swagger-ui.css", "try-it.js"));
        assertThat(http().get("/docs/try-it.js").body()).contains("url: '/docs/openapi.json'").contains("window.location.origin");
    }

    /** The console loads the contract as the reference publishes it: every example has its value, composed or not. */
    @Test
    void shouldServeThePublishedContractWithEveryExampleValue() {
        RawHttp.Response published = http().get("/docs/openapi.json");

        assertThat(published.status()).isEqualTo(200);
        JsonNode record = published.json().at("/paths/~1api~1crm~1emailaccounts~1{id}/get/responses/200/content/application~1json/examples/record");
        assertThat(record.has("x-composed")).isFalse();
        assertThat(record.path("value").path("DisplayName").asString()).isNotEmpty();
    }

    /**
     * In a browser, the reference, a guide's page and the console load everything from this server: nothing from the
     * network.
     */
    @Test
    void shouldLoadNothingButFromThisServerInABrowser() throws Exception {
        // What Redoc, the guides' search and Swagger UI render, which they do only when their scripts ran under the
        // page's policy (search.js shows its search box).
        Map<String, Pattern> rendered = Map.of("/docs/", Pattern.compile("redoc-wrap"),
                "/docs/guides/configuration.html", Pattern.compile("<form class=\"site-search\"(?![^>]*hidden)[^>]*>"),
                "/docs/try-it.html", Pattern.compile("opblock"));
        for (Map.Entry<String, Pattern> expected : rendered.entrySet()) {
            String page = expected.getKey();
            Chromium.Visit visit = Chromium.visit(baseUrl() + page);

            assertThat(visit.dom()).as(page).containsPattern(expected.getValue());
            assertThat(visit.networkRequests()).as("requests of %s", page).isNotEmpty()
                    .allMatch(url -> url.startsWith(baseUrl() + "/"));
        }
    }

    /**
     * The reference, the guides' pages and the console run scripts from this server's files only (their policy allows
     * no inline or evaluated script, and their pages hold none); every other answer may load and run nothing.
     */
    @Test
    void shouldSendThePagesWithAPolicyThatRunsNoInlineScript() {
        for (String page : List.of("/docs/", "/docs/guides/configuration.html", "/docs/try-it.html")) {
            RawHttp.Response response = http().get(page);
            String policy = response.header("Content-Security-Policy");

            assertThat(policy).as(page).contains("script-src 'self';").doesNotContain("unsafe-eval")
                    .contains("frame-ancestors 'none'");
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(response.body());
            while (scripts.find()) {
                assertThat(scripts.group(1)).as("a script of %s", page).containsAnyOf("src=", "type=\"application/json\"");
            }
        }
        assertThat(asAdmin().get("/api/crm/emailaccounts").header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(http().get("/nothing-here").header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    /**
     * The clients' references (Javadoc, TypeDoc) are served beside the API reference under a policy of their own: each
     * page's few inline scripts allowed by their hashes and by nothing broader, so that they run in a browser
     * (Javadoc's loads its search index).
     */
    @Test
    void shouldServeTheClientsReferencesWhoseInlineScriptsThePolicyAllows() throws Exception {
        Map<String, String> deeperPage = Map.of("/docs/clients/java/", "io/emailaccounts/client/EmailAccounts.html",
                "/docs/clients/typescript/", "classes/EmailAccountsApi.html");
        boolean javadocBuilt = false;
        for (String reference : List.of("/docs/clients/java/", "/docs/clients/typescript/")) {
            RawHttp.Response index = http().get(reference + "index.html");
            assertThat(index.status()).as(reference).isEqualTo(200);
            if (index.body().contains("This site was built without it")) {
                // A build that skipped it (-Dmaven.javadoc.skip, the client's tests skipped) says how to build it.
                assertThat(index.body()).as(reference).contains("mvn -q install -pl client -am");
                continue;
            }
            javadocBuilt |= reference.endsWith("/java/");
            for (String page : List.of(reference + "index.html", reference + deeperPage.get(reference))) {
                RawHttp.Response response = http().get(page);
                assertThat(response.status()).as(page).isEqualTo(200);
                String policy = response.header("Content-Security-Policy");
                assertThat(policy).as(page).containsPattern("script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+; ")
                        .doesNotContain("unsafe-eval").doesNotContain("unsafe-hashes").contains("frame-ancestors 'none'");
                Matcher inline = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                        .matcher(response.body());
                int scripts = 0;
                while (inline.find()) {
                    scripts++;
                    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(inline.group(1).getBytes(StandardCharsets.UTF_8)));
                    assertThat(policy).as("%s allows its inline script %s", page, inline.group(1)).contains("'sha256-" + hash + "'");
                }
                assertThat(scripts).as("inline scripts of %s", page).isPositive();
            }
        }

        if (javadocBuilt) {
            Chromium.Visit javadoc = Chromium.visit(baseUrl() + "/docs/clients/java/index.html");
            assertThat(javadoc.networkRequests()).as("what Javadoc's inline script loads")
                    .anyMatch(url -> url.endsWith("/member-search-index.js")).allMatch(url -> url.startsWith(baseUrl() + "/"));
        }
    }

    /** Every script and style the page loads comes from this server and is served; nothing from elsewhere. */
    private void assertLocalAssets(String base, String html, List<String> expected) {
        Matcher assets = ASSET.matcher(html);
        List<String> found = new ArrayList<>();
        while (assets.find()) {
            found.add(assets.group(1));
        }
        assertThat(found).containsAll(expected).noneMatch(url -> url.matches("(?i)^(https?:)?//.*"));
        for (String asset : found) {
            String path = URI.create(base).resolve(asset).getPath();
            assertThat(http().get(path).status()).as(path).isEqualTo(200);
        }
    }
}
