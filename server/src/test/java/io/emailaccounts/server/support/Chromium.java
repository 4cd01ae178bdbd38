package io.emailaccounts.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Chromium (installed by docs/ensure-chromium.sh) showing a page: what it rendered, and every request the
 * page made over the network, from Chromium's net log (its own requests, such as update checks, left out).
 */
public final class Chromium {

    /** @param dom             the page as rendered
     *  @param networkRequests the URLs the page asked for over the network */
    public record Visit(String dom, List<String> networkRequests) {
    }

    private Chromium() {
    }

    public static Visit visit(String url) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("chromium");
        Path netLog = work.resolve("net-log.json");
        List<String> command = List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + work.resolve("profile"), "--virtual-time-budget=10000",
                "--log-net-log=" + netLog, "--dump-dom", url);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
            return new Visit(dom, pageRequests(JsonMapper.builder().build().readTree(netLog.toFile())));
        } finally {
            process.destroyForcibly();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static List<String> pageRequests(JsonNode netLog) {
        int requestStart = netLog.at("/constants/logEventTypes/URL_REQUEST_START_JOB").asInt(-1);
        assertThat(requestStart).as("the net log names its request events").isNotNegative();
        List<String> urls = new ArrayList<>();
        for (JsonNode event : netLog.path("events")) {
            JsonNode params = event.path("params");
            if (event.path("type").asInt() == requestStart && params.has("url")
                    && !"not an origin".equals(params.path("initiator").asString())) {
                urls.add(params.path("url").asString());
            }
        }
        return urls;
    }

    private static String binary() {
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
}
