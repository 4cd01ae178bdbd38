package io.emailaccounts.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * The alerting rules the project ships ({@code server/alerts}): valid for Prometheus and passing their unit tests
 * ({@code promtool}, from Debian's prometheus package, which {@code .ci/run} installs), loaded by the Prometheus
 * configuration the Operations guide shows, and using only metrics a running server publishes, under those names.
 */
class AlertRulesTest extends RunningServerTest {

    private static final Path ALERTS = Path.of("alerts");
    private static final Path RULES = ALERTS.resolve("emailaccounts-rules.yaml");
    /** PromQL's functions, aggregations and keywords that the rules use: anything else is a metric or a label. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "rate", "increase", "scalar", "time", "and",
            "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset");
    /** What Prometheus itself writes, not a server. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** A metric with label matchers, {@code name{label="value", ...}}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    /** A matcher of one value ({@code label="value"}, not {@code =~} nor {@code !=}). */
    private static final Pattern EQUALS = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");
    /** The labels Prometheus gives a series when it scrapes it, not the server. */
    private static final Set<String> SCRAPE_LABELS = Set.of("job", "instance");

    @Test
    void shouldBeValidRulesThatPassTheirUnitTests() throws Exception {
        assertThat(promtool(ALERTS, "check", "rules", RULES.getFileName().toString())).contains("SUCCESS");
        assertThat(promtool(ALERTS, "test", "rules", "emailaccounts-rules.test.yaml")).contains("SUCCESS");
    }

    @Test
    void shouldBeLoadedByTheOperationsGuidesConfiguration(@TempDir Path folder) throws Exception {
        List<String> samples = Documentation.of(Path.of("..")).guide("operations").section("## Objectives and alerts")
                .blocks("yaml");
        assertThat(samples).hasSize(1);
        Files.writeString(folder.resolve("prometheus.yml"), samples.get(0));
        Files.copy(RULES, folder.resolve(RULES.getFileName()));

        assertThat(promtool(folder, "check", "config", "prometheus.yml")).contains("SUCCESS: 1 rule files found")
                .contains("SUCCESS: " + rules().size() + " rules found");
    }

    @Test
    void shouldUseOnlyMetricsAndSeriesARunningServerPublishes() throws IOException {
        Set<String> used = new TreeSet<>();
        Set<String> recorded = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            if (rule.containsKey("record")) {
                recorded.add((String) rule.get("record"));
            }
            used.addAll(namesIn((String) rule.get("expr")));
        }
        Set<String> metrics = new TreeSet<>(used);
        metrics.removeIf(name -> name.contains(":") || PROMETHEUS_OWN.contains(name));
        assertThat(used).as("the recording rules used").filteredOn(name -> name.contains(":")).allMatch(recorded::contains);
        assertThat(metrics).as("the metrics the rules use").contains("emailaccounts_requests_total", "emailaccounts_ready",
                "emailaccounts_sign_in_failures_total", "emailaccounts_backup_last_success_timestamp_seconds");

        RawHttp.Response scraped = asAdmin().get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        List<String> series = scraped.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        Set<String> published = new TreeSet<>();
        series.stream().map(line -> line.split("[{ ]", 2)[0]).forEach(published::add);
        assertThat(published).as("the metrics a running server publishes").containsAll(metrics);
        for (Map<String, Object> rule : rules()) {
            Matcher selector = SELECTOR.matcher((String) rule.get("expr"));
            while (selector.find()) {
                String name = selector.group(1);
                if (!metrics.contains(name)) {
                    continue;
                }
                List<String> labels = new ArrayList<>();
                Matcher matcher = EQUALS.matcher(selector.group(2));
                while (matcher.find()) {
                    if (!SCRAPE_LABELS.contains(matcher.group(1))) {
                        labels.add(matcher.group(1) + "=\"" + matcher.group(2) + "\"");
                    }
                }
                assertThat(series).as("a series %s the rule %s selects", selector.group(), rule.get(rule.containsKey("alert") ? "alert" : "record"))
                        .anyMatch(line -> (line.startsWith(name + "{") || line.startsWith(name + " "))
                                && labels.stream().allMatch(line::contains));
            }
        }
    }

    /** The metric and recording rule names in an expression: its identifiers without labels, strings and PromQL's own. */
    static Set<String> namesIn(String expression) {
        String bare = expression.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "$1");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean partOfANumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!PROMQL.contains(identifier.group()) && !partOfANumber) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES, StandardCharsets.UTF_8));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static String promtool(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process promtool;
        try {
            promtool = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw new AssertionError("promtool is needed to check the alerting rules: install Debian's prometheus "
                    + "package (apt-get install prometheus), as .ci/run does", notInstalled);
        }
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool %s said:%n%s", String.join(" ", arguments), output).isZero();
        return output;
    }
}
