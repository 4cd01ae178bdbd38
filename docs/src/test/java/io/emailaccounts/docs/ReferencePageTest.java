package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.ContractProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built reference renders in a real browser (headless Chromium, network blocked) and shows what readers need:
 * paths, every field, enum names, the auth schemes and roles, the code samples, the changelog, and the site's
 * navigation to the guides' pages. A screenshot is kept in target/reference.png. (The guides' pages: GuidePagesTest.)
 */
class ReferencePageTest {

    private static final Path SITE = Path.of("target", "site", "index.html").toAbsolutePath();
    private static final ApiContract CONTRACT = ApiContract.read(Path.of("..", "api", "openapi.yaml"));

    /** The text Redoc rendered, without the inlined contract (which would contain every name anyway). */
    private static String rendered;
    /** The page as Chromium holds it once Redoc has rendered it. */
    private static String dom;
    /** Chromium's record of every request it made while it showed the page (its net log). */
    private static final Path NET_LOG = Path.of("target", "reference-net-log.json").toAbsolutePath();

    @BeforeAll
    static void renderThePage() throws Exception {
        dom = chromium("--dump-dom", "--screenshot=" + Path.of("target", "reference.png").toAbsolutePath(),
                "--window-size=1440,2400", "--log-net-log=" + NET_LOG);
        int start = dom.indexOf("<div id=\"reference\"");
        int end = dom.indexOf("<script id=\"contract\"");
        assertThat(start).as("the page has its reference element").isNotNegative();
        rendered = dom.substring(start, end)
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("<[^>]+>", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replaceAll("\\s+", " ");
    }

    @Test
    void shouldRenderTheOperationsAndTheirPaths() {
        assertThat(rendered).contains("Nexudus Spaces EmailAccounts API", "Update EmailAccount", "Get an access token",
                "/api/crm/emailaccounts", "/api/token");
    }

    /**
     * The guides are pages of their own, not sections of the reference: the site's navigation above Redoc leads to each,
     * and Redoc's side menu has none of them.
     */
    @Test
    void shouldLeadToEveryGuidesPageFromTheSitesNavigation() {
        List<Guide> guides = Guide.in(Path.of("..", "api", "guides"));
        assertThat(guides).hasSizeGreaterThan(5);
        String navigation = dom.substring(dom.indexOf("<nav class=\"site-nav\""), dom.indexOf("</nav>", dom.indexOf("<nav class=\"site-nav\"")));
        assertThat(navigation).contains("Guides", "API reference", "Changelog", "href=\"contract/openapi.yaml\"",
                "href=\"contract/openapi.json\"", "href=\"contract/" + PostmanCollection.FILE + "\"",
                "href=\"#tag/" + ReferenceSite.CHANGELOG_TAG + "\"");
        for (Guide guide : guides) {
            assertThat(navigation).contains("href=\"guides/" + guide.page() + "\">" + guide.title() + "</a>");
            assertThat(SITE.resolveSibling("guides").resolve(guide.page())).isRegularFile();
            assertThat(dom).as("no section of Redoc's for the guide %s", guide.slug())
                    .doesNotContain("data-item-id=\"tag/" + guide.slug() + "\"");
        }
    }

    /** Redoc's side menu has an entry for every operation and the changelog, each leading to its section. */
    @Test
    void shouldReachEveryOperationAndTheChangelogFromRedocsMenu() {
        List<String> entries = new ArrayList<>();
        CONTRACT.operations().forEach(operation -> entries.add("tag/" + operation.node().path("tags").path(0).asString()
                + "/operation/" + operation.operationId()));
        entries.add("tag/Changelog");
        assertThat(entries).hasSizeGreaterThan(5);
        for (String entry : entries) {
            assertThat(dom).as("a menu entry for %s", entry).contains("data-item-id=\"" + entry + "\"");
            assertThat(dom).as("a section %s", entry).contains(" id=\"" + entry + "\"");
        }
        assertThat(rendered).contains("Reference", "Changelog");
    }

    /**
     * Every link within the page (the menu's, the reference's) leads to a section it has; a link to a guide (the
     * contract's descriptions write {@code #tag/clients}) leads to the guide's page, and to a heading it has.
     */
    @Test
    void shouldLinkOnlyToSectionsThePageHasAndToTheGuidesPages() throws IOException {
        List<String> targets = Pattern.compile("href=\"#([^\"]+)\"").matcher(dom).results().map(link -> link.group(1)).distinct().toList();
        Set<String> ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(dom).results().map(id -> id.group(1)).collect(Collectors.toSet());
        assertThat(targets).hasSizeGreaterThan(CONTRACT.operations().size());
        assertThat(targets).as("links to sections the page does not have").allMatch(ids::contains);

        List<String> toGuides = Pattern.compile("href=\"(guides/[^\"]+)\"").matcher(dom).results().map(link -> link.group(1))
                .distinct().toList();
        List<Guide> guides = Guide.in(Path.of("..", "api", "guides"));
        // The site's navigation, and the contract's own description, which names every guide.
        assertThat(dom.split("href=\"guides/clients.html\"", -1)).as("links to the guide Clients").hasSizeGreaterThan(2);
        assertThat(toGuides).hasSizeGreaterThanOrEqualTo(guides.size());
        assertResolve(toGuides);
    }

    @Test
    void shouldEndWithTheChangelogMadeFromTheReleasedContracts() {
        assertThat(rendered).contains("Changelog", "Unreleased", "The first released contract.", "Idempotency-Key");
        assertThat(rendered.lastIndexOf("Changelog")).as("after the operations").isGreaterThan(rendered.indexOf("Update EmailAccount"));
    }

    @Test
    void shouldShowEveryPropertyOfEverySchema() {
        List<String> names = new ArrayList<>();
        for (String schema : CONTRACT.schemaNames()) {
            names.addAll(CONTRACT.properties(schema).keySet());
        }
        assertThat(names).contains("DisplayName", "Office365AccessToken", "UpdatedBy", "AttemptedValue", "refresh_token");
        assertThat(rendered).contains(names);
    }

    @Test
    void shouldShowRequiredMarkersBoundsAndDescriptions() {
        assertThat(rendered).contains("required", "[ 1 .. 65535 ]", "[ 1 .. 255 ] characters", "<= 254 characters",
                ">= 0", "TCP port of the incoming mail server");
    }

    @Test
    void shouldNameEveryEnumValue() {
        List<String> names = CONTRACT.enums().stream().flatMap(enumeration -> enumeration.names().stream()).toList();
        assertThat(names).contains("Imap", "DontDelete");
        assertThat(rendered).contains(names);
    }

    /** Redoc marks a deprecated property with a badge beside its type, before its description. */
    @Test
    void shouldMarkEveryDeprecatedPropertyDeprecated() {
        for (String schema : CONTRACT.schemaNames()) {
            for (ContractProperty property : CONTRACT.properties(schema).values()) {
                if (property.deprecated()) {
                    assertThat(rendered).as("%s.%s is shown deprecated", schema, property.name())
                            .containsPattern(java.util.regex.Pattern.quote(property.name()) + " [^.]{0,120}?Deprecated");
                }
            }
        }
    }

    /** The contract tools read links each guide to its page where the server serves it, not to Redoc's sections. */
    @Test
    void shouldLinkTheGuidesFromTheContractForToolsToTheirServedPages() throws IOException {
        for (String file : List.of("openapi.yaml", "openapi.json")) {
            String contract = Files.readString(SITE.resolveSibling(ReferenceSite.WHOLE_CONTRACT).resolve(file));

            assertThat(contract).as(file).doesNotContain("](#tag/");
            for (Guide guide : Guide.in(Path.of("..", "api", "guides"))) {
                if (contract.contains(ReferenceSite.SERVED_SITE + GuidePages.FOLDER + "/" + guide.slug() + ".html")) {
                    assertThat(SITE.resolveSibling(GuidePages.FOLDER).resolve(guide.slug() + ".html")).as("%s links %s", file, guide.slug()).exists();
                }
            }
            assertThat(contract).as(file).contains(ReferenceSite.SERVED_SITE + GuidePages.FOLDER + "/clients.html");
        }
    }

    @Test
    void shouldShowTheAuthSchemesAndRoles() {
        assertThat(rendered).contains("oauth2", "basicAuth", "OAuth2", "HTTP Authorization Scheme", "basic",
                "/api/token", "EmailAccount-Edit", "full unrestricted administrator");
    }

    /**
     * The clients' references are published beside the API reference, linked from the site's navigation (and the guide
     * Clients), and every operation names its method in both, each link leading to that method's own section of its page.
     */
    @Test
    void shouldLinkEveryOperationToItsMethodInBothClientsReferences() throws IOException {
        List<String> links = Pattern.compile("href=\"(clients/[^\"]+)\"").matcher(dom).results()
                .map(link -> URLDecoder.decode(link.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8)).distinct().toList();

        assertThat(links).as("the site's navigation links to both references")
                .contains("clients/java/index.html", "clients/typescript/index.html");
        for (String reference : List.of("clients/java/", "clients/typescript/")) {
            // A build that skipped a reference (mvn -Dmaven.javadoc.skip, or the client's tests skipped) publishes, in
            // its place, a page that says how to build it, and every operation links there.
            boolean built = !Files.readString(SITE.resolveSibling(reference + "index.html")).contains(ClientReference.HOW_TO_BUILD);
            for (ApiContract.Operation operation : CONTRACT.operations()) {
                String id = operation.operationId();
                assertThat(links).as("%s names its method in %s", id, reference).anyMatch(link -> built
                        ? link.startsWith(reference) && (link.contains("#" + id + "(") || link.endsWith("#" + id.toLowerCase(Locale.ROOT)))
                        : link.equals(reference + "index.html"));
            }
        }
        assertResolve(links);
    }

    @Test
    void shouldShowExamplesAndCodeSamples() {
        assertThat(rendered).contains("curl", "Java client", "Request samples", "Response samples",
                "EmailAccount was successfully updated.", "The request broke one or more rules and changed nothing.");
    }

    /**
     * The page works without a network: no request it makes (Chromium's own, such as update checks, are not the
     * page's) goes anywhere but to the page's own folder.
     */
    @Test
    void shouldLoadNothingFromTheNetwork() {
        JsonNode log = JsonMapper.builder().build().readTree(NET_LOG.toFile());
        int requestStart = log.at("/constants/logEventTypes/URL_REQUEST_START_JOB").asInt(-1);
        assertThat(requestStart).as("the net log names its request events").isNotNegative();
        List<String> pageRequests = new ArrayList<>();
        for (JsonNode event : log.path("events")) {
            JsonNode params = event.path("params");
            if (event.path("type").asInt() == requestStart && params.has("url")
                    && !"not an origin".equals(params.path("initiator").asString())) {
                pageRequests.add(params.path("url").asString());
            }
        }
        // Files of the page's folder are read without the network stack: they are not in the log at all.
        assertThat(pageRequests).as("requests the page made over the network").allMatch(url -> url.startsWith("file:"));
    }

    /** Runs headless Chromium on the built page with the network blocked; returns what it prints. */
    private static String chromium(String... arguments) throws IOException, InterruptedException {
        assertThat(SITE).as("the reference site is built (mvn -pl docs package)").exists();
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromiumBinary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--proxy-server=127.0.0.1:9", "--user-data-dir=" + profile,
                "--virtual-time-budget=10000"));
        command.addAll(List.of(arguments));
        command.add(SITE.toUri().toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
            return output;
        } finally {
            process.destroyForcibly();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String chromiumBinary() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String directory : System.getenv("PATH").split(":")) {
                if (Files.isExecutable(Path.of(directory, candidate))) {
                    return Path.of(directory, candidate).toString();
                }
            }
        }
        throw new IllegalStateException("Chromium is not installed: run docs/ensure-chromium.sh");
    }

    /** Each link of the site leads to a page it has, and to an element of that page with the id its {@code #...} names. */
    private static void assertResolve(List<String> links) throws IOException {
        for (String link : links) {
            String[] pageAndSection = link.split("#", 2);
            Path page = SITE.resolveSibling(pageAndSection[0]);
            assertThat(page).as(link).isRegularFile();
            if (pageAndSection.length == 2) {
                assertThat(Files.readString(page)).as(link).contains(" id=\"" + pageAndSection[1] + "\"");
            }
        }
    }
}
