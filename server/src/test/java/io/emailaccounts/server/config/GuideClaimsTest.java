package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.emailaccounts.client.ClientOptions;
import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.security.IssuerUnavailableException;
import io.emailaccounts.server.support.ExampleBodies;

/**
 * The checkable claims of the guides hold: every setting they name exists (the server's own, or Spring Boot's and its
 * libraries', by their configuration metadata); every status they say an answer has is one the contract declares;
 * every header they name is one the contract declares, or a standard one listed here; and every duration and size
 * they give (10 s, 64 KB, {@code 15d}) is a default of the server's settings, a value of its {@code application.yaml},
 * or listed here with the reason it is true. A guide that says a number the code no longer has fails here.
 */
class GuideClaimsTest {

    private static final Path GUIDES = Path.of("..", "api", "guides");
    private static final Path APPLICATION_YAML = Path.of("src", "main", "resources", "application.yaml");
    private static final ApiContract CONTRACT = ExampleBodies.CONTRACT;

    private static final Pattern WALK_THROUGH_ROLE = Pattern.compile("(?m)^\\s*x-required-role: (\\S+)$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\n]+)`");
    private static final Pattern SETTING = Pattern.compile("(?:^|--)((?:emailaccounts|spring|server|management|logging)\\.[a-z0-9.\\-\\[\\]]+[a-z0-9\\]])");
    private static final Pattern FLAG = Pattern.compile("--((?:emailaccounts|spring|server|management|logging)\\.[a-z0-9.\\-\\[\\]]+)=");
    private static final Pattern HEADER = Pattern.compile("^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z0-9]*)+$");
    private static final Pattern STATUS = Pattern.compile(
            "(?<![\\w.:/=%$-])([1-5][0-9][0-9])(?![\\w.:/%-]|\\s+(?:ms|s|characters|writes|failures|requests|rows|records|"
                    + "MB|KB|bytes|items|times|sign-ins|a minute|per|seconds|minutes|creates|values|lines|Ids|users|addresses))");
    /** A number, a space and a unit (10 s, 64 KB, 5 minutes), or a setting's value in a code span ({@code 15d}). */
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\w.])(\\d+(?:\\.\\d+)?) (ms|s|seconds?|minutes?|hours?|days?|KB|MB)(?![\\w])"
                    + "|`(\\d+)(ms|s|m|h|d|KB|MB)`");
    private static final Path JVM_OPTIONS = Path.of("jvm.options");
    private static final Path ALERT_RULES = Path.of("alerts", "emailaccounts-rules.yaml");

    /** The statuses of HTTP (RFC 9110 and its registry) that a guide may name. */
    private static final Set<Integer> HTTP_STATUSES = Set.of(101, 200, 201, 202, 204, 206, 300, 301, 302, 303, 304,
            307, 308, 400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 425,
            426, 428, 429, 431, 451, 500, 501, 502, 503, 504);

    /** Statuses the guides name that no operation declares, and why each is said. */
    private static final Map<Integer, String> STATUSES_NOT_DECLARED = Map.of(
            307, "a redirect, which the clients do not follow (a test of each client answers one)",
            501, "Tomcat's answer to a method it does not know (in the envelope, EnvelopeErrorReportValve), and the "
                    + "generated interfaces' default for a method not implemented",
            200, "declared by every operation; listed for the hosted service's failures answered as 200");

    /** Names the guides give that look like settings of the server, and are not, and what each is. */
    private static final Map<String, String> NOT_SETTINGS = Map.of(
            "emailaccounts.home", "a property of the Maven build (the published client's home page), not of the server");

    /** Headers the guides name that the contract does not declare, and why each is said. */
    private static final Map<String, String> STANDARD_HEADERS = Map.ofEntries(
            Map.entry("Content-Type", "RFC 9110: the media type of a body"),
            Map.entry("Content-Length", "RFC 9110: the size of a body, which the size limit reads"),
            Map.entry("WWW-Authenticate", "RFC 9110: the challenges of a 401"),
            Map.entry("Cache-Control", "RFC 9111: the token endpoint's no-store"),
            Map.entry("Content-Security-Policy", "the security headers of every answer (SecurityHeaders)"),
            Map.entry("Strict-Transport-Security", "the security headers of an answer over HTTPS (SecurityHeaders)"),
            Map.entry("X-Content-Type-Options", "the security headers of every answer (SecurityHeaders)"),
            Map.entry("X-Frame-Options", "the security headers of every answer (SecurityHeaders)"),
            Map.entry("X-Forwarded-For", "the balancer's, read from internal proxies only (server.tomcat.remoteip)"),
            Map.entry("X-Forwarded-Proto", "the balancer's, read from internal proxies only (server.tomcat.remoteip)"),
            Map.entry("X-Request-Id", "a caller's request id, taken as the Request-Id (RequestIds)"),
            Map.entry("Access-Control-Allow-Origin", "CORS, for the allowed origins (CrossOrigins)"),
            Map.entry("Access-Control-Allow-Methods", "CORS, for the allowed origins (CrossOrigins)"),
            Map.entry("Access-Control-Allow-Headers", "CORS, for the allowed origins (CrossOrigins)"),
            Map.entry("Access-Control-Expose-Headers", "CORS, for the allowed origins (CrossOrigins)"),
            Map.entry("Access-Control-Request-Method", "CORS: a browser's preflight"),
            Map.entry("Access-Control-Request-Headers", "CORS: a browser's preflight"),
            Map.entry("If-Modified-Since", "RFC 9110: not taken, as the guide Concurrent updates says"),
            Map.entry("Last-Modified", "RFC 9110: not sent, as the guide Concurrent updates says"));

    /** Durations and sizes in the guides that are no setting's default, by guide and as written, and why each holds. */
    private static final Map<String, String> QUANTITIES = Map.ofEntries(
            Map.entry("20-clients.md: 2 minutes", "the clients' build on a fresh clone, timed when the guide was written"),
            Map.entry("20-clients.md: 0.5 s", "the clients' first wait before sending again (RetryingHttpClient.FIRST_BACKOFF, client.ts)"),
            Map.entry("30-authentication.md: 90 minutes", "Entra ID's default access-token lifetime, 60 to 90 minutes (Microsoft's documentation)"),
            Map.entry("85-operations.md: 4 s", "HAProxy's inter 2s times fall 2: a replica out of rotation after two failed checks"),
            Map.entry("85-operations.md: 500 ms", "server/replicas.sh's HAProxy check interval (inter 500ms)"),
            Map.entry("85-operations.md: 320 MB", "the resident memory the benchmark measured (server/bench/README.md)"),
            Map.entry("90-changing-the-api.md: 3.5 minutes", "WalkThroughsIT's run, timed when the guide was written"),
            Map.entry("90-changing-the-api.md: 7 seconds", "the contract's lint and gate, timed when the guide was written"),
            Map.entry("90-changing-the-api.md: 5 seconds", "the site's rebuild, timed when the guide was written"));

    @Test
    void shouldNameOnlySettingsThatExist() throws IOException {
        Set<String> own = new HashSet<>();
        List<String> collected = new ArrayList<>();
        ConfigurationGuideTest.collect("emailaccounts", EmailAccountsProperties.class, collected);
        own.addAll(collected);
        Map<String, Boolean> boot = bootSettings();
        List<String> unknown = new ArrayList<>();
        guides().forEach((guide, text) -> {
            Set<String> named = new TreeSet<>();
            Matcher span = CODE_SPAN.matcher(text);
            while (span.find()) {
                Matcher setting = SETTING.matcher(span.group(1).strip());
                if (setting.lookingAt()) {
                    named.add(setting.group(1));
                }
            }
            Matcher flag = FLAG.matcher(text);
            while (flag.find()) {
                named.add(flag.group(1));
            }
            for (String name : named) {
                String normal = name.replaceAll("\\[\\d+]", "[i]");
                boolean exists = normal.startsWith("emailaccounts.") ? own.contains(normal)
                        : boot.containsKey(normal) || boot.entrySet().stream()
                                .anyMatch(setting -> setting.getValue() && normal.startsWith(setting.getKey() + "."))
                        || boot.keySet().stream().anyMatch(setting -> setting.startsWith(normal + "."));
                if (!exists && !NOT_SETTINGS.containsKey(name)) {
                    unknown.add(guide + ": " + name);
                }
            }
        });
        assertThat(unknown).as("settings the guides name that no configuration has").isEmpty();
    }

    @Test
    void shouldSayOnlyStatusesTheContractDeclares() throws IOException {
        Set<Integer> declared = new TreeSet<>();
        CONTRACT.document().get("paths").forEach(path -> path.properties().forEach(operation -> {
            if (operation.getValue().has("responses")) {
                operation.getValue().get("responses").propertyNames().stream()
                        .filter(status -> status.matches("\\d{3}")).map(Integer::valueOf).forEach(declared::add);
            }
        }));
        List<String> undeclared = new ArrayList<>();
        guides().forEach((guide, text) -> {
            Matcher status = STATUS.matcher(prose(text));
            while (status.find()) {
                int code = Integer.parseInt(status.group(1));
                if (HTTP_STATUSES.contains(code) && !declared.contains(code) && !STATUSES_NOT_DECLARED.containsKey(code)) {
                    undeclared.add(guide + ": " + code + " in \"" + around(prose(text), status.start()) + "\"");
                }
            }
        });
        assertThat(undeclared).as("statuses the guides name that no operation declares").isEmpty();
    }

    @Test
    void shouldNameOnlyHeadersTheContractDeclaresOrStandardOnes() throws IOException {
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        collectHeaders(CONTRACT.document(), known);
        Set<String> roles = new HashSet<>();
        CONTRACT.operations().forEach(operation -> {
            operation.requiredRole().ifPresent(roles::add);
            roles.addAll(operation.roleWhenPresent().values());
        });
        // The roles the walk-throughs of Changing the API add to the contract, in their YAML blocks.
        guides().values().forEach(text -> WALK_THROUGH_ROLE.matcher(text).results().forEach(role -> roles.add(role.group(1))));
        List<String> unknown = new ArrayList<>();
        guides().forEach((guide, text) -> {
            Matcher span = CODE_SPAN.matcher(text);
            while (span.find()) {
                String name = span.group(1).strip().replaceAll(":.*$", "");
                if (HEADER.matcher(name).matches() && !known.contains(name) && !roles.contains(name)
                        && !STANDARD_HEADERS.containsKey(name)) {
                    unknown.add(guide + ": " + name);
                }
            }
        });
        assertThat(unknown).as("header names the guides give that neither the contract nor HTTP has").isEmpty();
    }

    @Test
    void shouldGiveOnlyDurationsAndSizesTheCodeHas() throws IOException {
        Set<Object> known = new HashSet<>();
        collectQuantities(new Binder(new MapConfigurationPropertySource(Map.of("emailaccounts.users[0].username", "a")))
                .bindOrCreate("emailaccounts", EmailAccountsProperties.class), known);
        collectQuantities(YAMLMapper.builder().build().readTree(APPLICATION_YAML.toFile()), known);
        // The clients' defaults, which the guides give too.
        ClientOptions clients = ClientOptions.defaults();
        known.addAll(List.of(clients.connectTimeout(), clients.requestTimeout(), clients.maxRetryWait()));
        // The heap of server/jvm.options, and the windows of the shipped alerting rules.
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(Files.readString(JVM_OPTIONS));
        assertThat(heap.find()).as("the heap of %s", JVM_OPTIONS).isTrue();
        known.add(Long.parseLong(heap.group(1)) * 1024 * 1024);
        Matcher window = Pattern.compile("(?:for: |\\[)(\\d+[smhd])").matcher(Files.readString(ALERT_RULES));
        while (window.find()) {
            known.add(DurationStyle.SIMPLE.parse(window.group(1)));
        }
        known.add(Duration.ofSeconds(IssuerUnavailableException.UNREACHABLE_RETRY_AFTER_SECONDS));
        known.add(Duration.ofSeconds(DatabaseReadTimeout.SECONDS));
        List<String> unknown = new ArrayList<>();
        guides().forEach((guide, text) -> {
            Matcher quantity = QUANTITY.matcher(text);
            while (quantity.find()) {
                Object value = quantity.group(1) != null ? quantity(quantity.group(1), quantity.group(2))
                        : quantity(quantity.group(3), quantity.group(4));
                String claim = guide + ": " + quantity.group();
                if (value != null && !known.contains(value) && !QUANTITIES.containsKey(claim)) {
                    unknown.add(claim + " in \"" + around(text, quantity.start()) + "\"");
                }
            }
        });
        assertThat(unknown).as("durations and sizes the guides give that no setting has, nor the list of this test").isEmpty();
    }

    /** Each guide's text, by file name. */
    private static Map<String, String> guides() throws IOException {
        Map<String, String> guides = new TreeMap<>();
        try (Stream<Path> files = Files.list(GUIDES)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".md")).toList()) {
                guides.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return guides;
    }

    /** The text without its code blocks, and without code spans that are not a status alone. */
    private static String prose(String text) {
        return text.replaceAll("(?s)```.*?```", "").replaceAll("`(?!\\d{3}`)[^`\n]*`", "");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)).replace('\n', ' ');
    }

    /** Spring Boot's and its libraries' settings, each with whether it is a map (whose keys follow its name). */
    private static Map<String, Boolean> bootSettings() throws IOException {
        Map<String, Boolean> settings = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json")) {
            Enumeration<URL> found = GuideClaimsTest.class.getClassLoader().getResources(resource);
            while (found.hasMoreElements()) {
                try (InputStream in = found.nextElement().openStream()) {
                    json.readTree(in).path("properties").forEach(property -> settings.merge(property.path("name").asString(),
                            property.path("type").asString("").startsWith("java.util.Map"), Boolean::logicalOr));
                }
            }
        }
        return settings;
    }

    private static void collectHeaders(JsonNode node, Set<String> headers) {
        if (node.isObject()) {
            if ("header".equals(node.path("in").asString(null)) && node.has("name")) {
                headers.add(node.get("name").asString());
            }
            if (node.has("headers") && node.get("headers").isObject()) {
                headers.addAll(node.get("headers").propertyNames());
            }
            node.forEach(child -> collectHeaders(child, headers));
        } else if (node.isArray()) {
            node.forEach(child -> collectHeaders(child, headers));
        }
    }

    /** The durations and sizes of bound settings, walked through their records and lists. */
    private static void collectQuantities(Object value, Set<Object> known) {
        if (value instanceof Duration || value instanceof DataSize) {
            known.add(value instanceof DataSize size ? size.toBytes() : value);
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collectQuantities(item, known));
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    collectQuantities(component.getAccessor().invoke(value), known);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The durations and sizes of a YAML file's values (15s, 2000 with a name in ms). */
    private static void collectQuantities(JsonNode yaml, Set<Object> known) {
        yaml.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isContainer()) {
                collectQuantities(value, known);
            } else if (entry.getKey().endsWith("timeout") && value.canConvertToLong()) {
                known.add(Duration.ofMillis(value.asLong()));
            } else {
                for (String item : value.asString("").split(",")) {
                    Object quantity = quantityOf(item.strip());
                    if (quantity != null) {
                        known.add(quantity);
                    }
                }
            }
        });
    }

    private static Object quantityOf(String text) {
        try {
            return DurationStyle.SIMPLE.parse(text);
        } catch (RuntimeException notADuration) {
            try {
                return text.matches("\\d+[KMG]?B") ? DataSize.parse(text).toBytes() : null;
            } catch (RuntimeException notASize) {
                return null;
            }
        }
    }

    /** A number and its unit as a Duration or a number of bytes; null for a unit that is neither. */
    private static Object quantity(String number, String unit) {
        double amount = Double.parseDouble(number);
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("kb") || u.equals("mb")) {
            return (long) (amount * (u.equals("kb") ? 1024 : 1024 * 1024));
        }
        long millis = switch (u) {
            case "ms" -> (long) amount;
            case "s", "second", "seconds" -> (long) (amount * 1000);
            case "m", "minute", "minutes" -> (long) (amount * 60_000);
            case "h", "hour", "hours" -> (long) (amount * 3_600_000);
            case "d", "day", "days" -> (long) (amount * 86_400_000);
            default -> -1;
        };
        return millis < 0 ? null : Duration.ofMillis(millis);
    }
}
