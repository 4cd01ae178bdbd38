package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.emailaccounts.contract.ApiContract;

/**
 * Every guide's page, opened from the built site's folder (file://) in headless Chromium driven through Debian's
 * chromedriver, at a laptop's width (1280 px) and a phone's (390 px): no page is wider than its window (wide tables
 * and code scroll in boxes of their own), every link leads to a page of the site that is there and to an element of
 * it that is there, what it loads is in the site, and the search box finds every guide by a word of its title.
 * The links to other sites are listed in target/guide-pages-external-links.txt, never fetched.
 */
class GuidePagesTest {

    private static final Path SITE = Path.of("target", "site").toAbsolutePath().normalize();
    private static final Path REFERENCE = SITE.resolve(GuidePages.REFERENCE);
    private static final List<Guide> GUIDES = Guide.in(Path.of("..", "api", "guides"));
    private static final ApiContract CONTRACT = ApiContract.read(Path.of("..", "api", "openapi.yaml"));
    private static final Path EXTERNAL_LINKS = Path.of("target", "guide-pages-external-links.txt").toAbsolutePath();
    /** Redoc's anchors, which it makes as it renders: a tag, an operation within its tag, an operation. */
    private static final Pattern REDOC_ANCHOR = Pattern.compile("tag/([^/]+)(?:/operation/([^/]+))?|operation/([^/]+)");
    /** Selenium logs through java.util.logging: held here, so that the level set on it stays. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private static WebDriver browser;
    private static final Set<String> externalLinks = new TreeSet<>();

    @BeforeAll
    static void startChromium() {
        assertThat(REFERENCE).as("the site is built (mvn -pl api,docs install -DskipTests)").isRegularFile();
        assertThat(GUIDES).hasSizeGreaterThan(5);
        // A passing run is quiet: Selenium's notices (such as a Chromium newer than the CDP versions it knows) are not
        // wanted in the build's output, nor chromedriver's.
        SELENIUM_LOG.setLevel(Level.OFF);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        // The binaries Debian installs (docs/ensure-chromium.sh), named, so that Selenium Manager never looks for any.
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary("CHROMIUM", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--proxy-server=127.0.0.1:9");
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        Files.write(EXTERNAL_LINKS, externalLinks);
    }

    /** At either width, no guide's page scrolls sideways: its wide tables and code blocks scroll in their own boxes. */
    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void shouldFitEveryGuideInTheWindowsWidth(int width) {
        int pages = 0;
        int tablesWiderThanTheirBox = 0;
        for (Guide guide : GUIDES) {
            open(guidePage(guide), width);

            long scrollWidth = number("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("%s at %d px: the page's width", guide.slug(), width).isLessThanOrEqualTo(width);
            assertThat(number("return document.querySelectorAll('main table').length"))
                    .as("%s: tables, each in a box that scrolls", guide.slug())
                    .isEqualTo(number("return document.querySelectorAll('main .scroll-box > table').length"));
            assertThat(script("return Array.from(document.querySelectorAll('.scroll-box, main pre'), "
                    + "box => getComputedStyle(box).overflowX)")).as("%s: what its boxes do with what is wider", guide.slug())
                    .asList().allMatch("auto"::equals);
            tablesWiderThanTheirBox += (int) number("return Array.from(document.querySelectorAll('.scroll-box'))"
                    + ".filter(box => box.scrollWidth > box.clientWidth).length");
            pages++;
        }
        assertThat(pages).as("pages checked").isEqualTo(GUIDES.size());
        if (width < 500) {
            assertThat(tablesWiderThanTheirBox).as("tables that scroll in their box on a phone").isPositive();
        }
    }

    /**
     * Every link of every guide's page leads somewhere that is there: a page of the site, and the element a fragment
     * names (Redoc's anchors of the reference, which it makes as it renders, name a tag or an operation of the
     * contract). The navigation reaches every guide, the reference, the changelog and the contract's files; the
     * contents reach every heading of the guide. What the page loads (its scripts and style) is in the site.
     */
    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void shouldLinkOnlyToPagesAndSectionsTheSiteHas(int width) throws IOException {
        int pages = 0;
        int headings = 0;
        for (Guide guide : GUIDES) {
            Path page = guidePage(guide);
            open(page, width);
            List<String> links = links("a[href]");

            assertThat(links).as("%s: the navigation's links", guide.slug())
                    .contains(REFERENCE.toUri() + "#tag/" + ReferenceSite.CHANGELOG_TAG, REFERENCE.toUri().toString(),
                            SITE.resolve("contract/openapi.yaml").toUri().toString(),
                            SITE.resolve("contract/openapi.json").toUri().toString(),
                            SITE.resolve("contract/" + PostmanCollection.FILE).toUri().toString())
                    .containsAll(GUIDES.stream().map(other -> guidePage(other).toUri().toString()).toList());
            List<String> contents = links("nav.contents a");
            List<String> ids = strings("return Array.from(document.querySelectorAll('main :is(h2, h3, h4)[id]'), h => h.id)");
            assertThat(contents).as("%s: its contents, a link to each heading", guide.slug())
                    .containsExactlyElementsOf(ids.stream().map(id -> page.toUri() + "#" + id).toList());
            headings += ids.size();
            for (String link : links) {
                assertLeadsSomewhere(guide.slug(), link);
            }
            List<String> assets = strings("return Array.from(document.querySelectorAll('script[src], link[href], img[src]'), "
                    + "element => element.src || element.href)");
            assertThat(assets).as("%s: what it loads", guide.slug()).hasSizeGreaterThanOrEqualTo(3);
            for (String asset : assets) {
                assertLeadsSomewhere(guide.slug(), asset);
                assertThat(asset).as("%s loads it from the site", guide.slug()).startsWith("file:");
            }
            pages++;
        }
        assertThat(pages).as("pages checked").isEqualTo(GUIDES.size());
        assertThat(headings).as("headings in the guides' contents").isGreaterThan(GUIDES.size());
    }

    /**
     * On every guide's page, a word of another guide's title (its longest) finds that guide; its result leads to it.
     * The results stay within the window.
     */
    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void shouldFindEveryGuideByAWordOfItsTitle(int width) {
        int searches = 0;
        for (int i = 0; i < GUIDES.size(); i++) {
            Guide on = GUIDES.get(i);
            Guide sought = GUIDES.get((i + 1) % GUIDES.size());
            String word = longestWord(sought.title());
            open(guidePage(on), width);

            List<String> results = search(word);

            String target = guidePage(sought).toUri().toString();
            assertThat(results).as("searching %s for '%s'", on.slug(), word)
                    .anyMatch(result -> result.equals(target) || result.startsWith(target + "#"));
            assertThat(number("return Math.ceil(document.querySelector('.search-results').getBoundingClientRect().right)"))
                    .as("the results' right edge at %d px", width).isLessThanOrEqualTo(width);
            browser.findElement(By.cssSelector(".search-results a[href^='" + sought.page() + "']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().startsWith(target));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(sought.title());
            searches++;
        }
        assertThat(searches).as("searches").isEqualTo(GUIDES.size());
    }

    /** A word no guide has finds nothing, and says so. */
    @Test
    void shouldSayWhenNothingIsFound() {
        open(guidePage(GUIDES.get(0)), 1280);

        assertThat(search("xyzzyplugh")).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".search-results")).getText()).contains("No section of the guides");
    }

    /**
     * The reference's page has the same navigation and search box: each guide's page, the changelog and the contract's
     * files are a link away, and a word of a guide's title finds it.
     */
    @Test
    void shouldReachAndSearchTheGuidesFromTheReferencePage() throws IOException {
        open(REFERENCE, 1280);

        // The link to the console, which only the server serves, is shown only there.
        List<String> navigation = links(".site-header a[href]:not([hidden]), .site-nav a[href]");
        assertThat(navigation).containsAll(GUIDES.stream().map(guide -> guidePage(guide).toUri().toString()).toList())
                .contains(REFERENCE.toUri() + "#tag/" + ReferenceSite.CHANGELOG_TAG,
                        SITE.resolve("contract/openapi.yaml").toUri().toString());
        for (String link : navigation) {
            assertLeadsSomewhere("the reference", link);
        }
        for (Guide guide : GUIDES) {
            String target = guidePage(guide).toUri().toString();
            assertThat(search(longestWord(guide.title()))).as("searching the reference for %s", guide.title())
                    .anyMatch(result -> result.equals(target) || result.startsWith(target + "#"));
        }
    }

    /** Types the words into the page's search box; returns its results' links, resolved. */
    private static List<String> search(String words) {
        WebElement box = browser.findElement(By.cssSelector(".site-search input[type=search]"));
        assertThat(box.isDisplayed()).as("the search box, shown by search.js").isTrue();
        box.clear();
        box.sendKeys(words);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.cssSelector(".search-results")).isDisplayed());
        return links(".search-results a[href]");
    }

    /**
     * The link leads to a file of the site that is there and, where it has a fragment, to an element of that file with
     * that id; a link to another site is listed.
     */
    private static void assertLeadsSomewhere(String from, String link) throws IOException {
        URI uri = URI.create(link);
        if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
            externalLinks.add(link);
            return;
        }
        assertThat(uri.getScheme()).as("%s: %s", from, link).isEqualTo("file");
        Path target = Path.of(URI.create(link.replaceFirst("#.*", ""))).normalize();
        assertThat(target).as("%s: %s", from, link).startsWith(SITE).isRegularFile();
        String fragment = uri.getFragment();
        if (fragment == null || fragment.isEmpty()) {
            return;
        }
        if (target.equals(REFERENCE)) {
            assertThat(isInTheReference(fragment)).as("%s: %s, a tag or an operation of the contract", from, link).isTrue();
        } else {
            assertThat(Files.readString(target, StandardCharsets.UTF_8)).as("%s: %s", from, link)
                    .contains(" id=\"" + fragment + "\"");
        }
    }

    /** Whether Redoc's page has the section: the changelog, a tag of the contract, an operation of the contract. */
    private static boolean isInTheReference(String fragment) {
        Matcher anchor = REDOC_ANCHOR.matcher(fragment);
        if (!anchor.matches()) {
            return false;
        }
        Set<String> tags = CONTRACT.document().path("tags").valueStream().map(tag -> tag.path("name").asString())
                .collect(Collectors.toSet());
        Set<String> operations = CONTRACT.operations().stream().map(ApiContract.Operation::operationId).collect(Collectors.toSet());
        if (anchor.group(3) != null) {
            return operations.contains(anchor.group(3));
        }
        boolean tag = tags.contains(anchor.group(1)) || ReferenceSite.CHANGELOG_TAG.equals(anchor.group(1));
        return tag && (anchor.group(2) == null || operations.contains(anchor.group(2)));
    }

    private static void open(Path page, int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(page.toUri().toString());
        assertThat(number("return window.innerWidth")).as("the window's width").isEqualTo(width);
    }

    /** The binary the environment variable names, else Debian's. */
    private static String binary(String variable, String debians) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? debians : configured;
    }

    private static Path guidePage(Guide guide) {
        return SITE.resolve(GuidePages.FOLDER).resolve(guide.page());
    }

    private static String longestWord(String title) {
        return List.of(title.split("\\s+")).stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    /** The links the elements the selector matches lead to, resolved against the page. */
    private static List<String> links(String selector) {
        return strings("return Array.from(document.querySelectorAll(arguments[0]), a => a.href)", selector);
    }

    private static List<String> strings(String script, Object... arguments) {
        List<String> strings = new ArrayList<>();
        for (Object value : (List<?>) script(script, arguments)) {
            strings.add((String) value);
        }
        return strings;
    }

    private static long number(String script) {
        return ((Number) script(script)).longValue();
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
