package io.emailaccounts.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.documentation.Documentation.Page;
import io.emailaccounts.server.support.PackagedServer;

/**
 * The README's and the guides' requests, run as a newcomer runs them: the packaged server started with the README's
 * command in an empty folder (the embedded database, the development administrator), then every bash block of the
 * README's "A first request", and of each guide in api/guides, run with bash, in order, only the port changed. Every
 * request must succeed, but those shown failing. (Blocks fenced as {@code shell} are commands for a clone of the
 * project, not requests: they are not run here.)
 */
class DocumentedRequestsIT {

    private static final Documentation DOCUMENTATION = Documentation.of(Path.of(".."));

    private static final String README_BASE_URL = "http://localhost:8080";
    private static final Pattern STATUS = Pattern.compile("(?m)^HTTP (\\d{3})$");

    @TempDir
    Path folder;

    /** A guide's block says which statuses it is answered ({@code # expect: 422}); otherwise each must be 2xx. */
    private static final Pattern EXPECTED_STATUSES = Pattern.compile("(?m)^# expect: ([0-9 ]+)$");
    /**
     * A guide's block shows what its answer holds, below the command: the status line, {@code # HTTP/1.1 200}, and the
     * headers under it, {@code # Name: value}, one a line.
     */
    private static final Pattern SHOWN = Pattern.compile("(?m)^# HTTP/1\\.1 \\d{3}$(?:\\n# [A-Za-z-]+: .+$)*");
    private static final Pattern SHOWN_LINE = Pattern.compile("(?m)^# (.+)$");

    @Test
    void shouldRunTheReadmesRequestsAsWritten() throws Exception {
        List<String> blocks = DOCUMENTATION.readme().section("## A first request").blocks("bash");
        assertThat(blocks).as("bash blocks of A first request").isNotEmpty();
        try (PackagedServer server = PackagedServer.start(folder)) {
            for (String block : blocks) {
                Run run = runInBash(block.replace(README_BASE_URL, server.baseUrl()));
                assertThat(run.statuses()).as("HTTP statuses of:%n%s", block).isNotEmpty()
                        .allMatch(status -> status >= 200 && status < 300);
            }
        }
    }

    /**
     * Every guide's requests (api/guides, in their order), run the same way on a server of their own: each answered as
     * the block says, showing what it says it shows.
     */
    @Test
    void shouldRunEveryGuidesRequestsAsWritten() throws Exception {
        List<Page> guides = DOCUMENTATION.guides();
        assertThat(guides.stream().mapToInt(guide -> guide.blocks("bash").size()).sum()).as("the guides' requests").isGreaterThan(10);
        try (PackagedServer server = PackagedServer.start(folder)) {
            for (Page guide : guides) {
                for (String block : guide.blocks("bash")) {
                    Run run = runInBash(block.replace(README_BASE_URL, server.baseUrl()));
                    Matcher expected = EXPECTED_STATUSES.matcher(block);
                    if (expected.find()) {
                        assertThat(run.statuses()).as("%s: HTTP statuses of:%n%s", guide.file(), block)
                                .containsExactlyElementsOf(Stream.of(expected.group(1).trim().split(" +")).map(Integer::valueOf).toList());
                    } else {
                        assertThat(run.statuses()).as("%s: HTTP statuses of:%n%s", guide.file(), block)
                                .isNotEmpty().allMatch(status -> status >= 200 && status < 300);
                    }
                    Matcher shown = SHOWN.matcher(block);
                    while (shown.find()) {
                        Matcher line = SHOWN_LINE.matcher(shown.group());
                        while (line.find()) {
                            assertThat(run.log().toLowerCase()).as("%s: what the answer to this shows:%n%s", guide.file(), block)
                                    .contains(line.group(1).toLowerCase());
                        }
                    }
                }
            }
        }
    }

    /**
     * Runs a block with bash in the server's folder (where data/dev-credentials is), after the blocks before it (the
     * README's blocks share their variables); curl reports each answer's status on standard error.
     */
    private Run runInBash(String block) throws IOException, InterruptedException {
        Path script = folder.resolve("block.sh");
        Path environment = folder.resolve("environment.sh");
        if (!Files.exists(environment)) {
            Files.writeString(environment, "");
        }
        Files.writeString(script, """
                set -euo pipefail
                source ./environment.sh
                curl() { command curl --silent --show-error --write-out '%%{stderr}\\nHTTP %%{http_code}\\n' "$@"; }
                %s
                declare -p | grep -E '^declare -- (AUTH|API|TOKEN|REFRESH|KEY|ETAG)=' > ./environment.sh || true
                """.formatted(block));
        Path output = folder.resolve("block.log");
        Process bash = new ProcessBuilder("bash", script.toString()).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the block finished").isTrue();
        String log = Files.readString(output);
        assertThat(bash.exitValue()).as("exit status of:%n%s%nwhich printed:%n%s", block, log).isZero();
        List<Integer> statuses = new ArrayList<>();
        Matcher status = STATUS.matcher(log);
        while (status.find()) {
            statuses.add(Integer.parseInt(status.group(1)));
        }
        return new Run(statuses, log);
    }

    /** What a block printed, and the status of each answer in it. */
    private record Run(List<Integer> statuses, String log) {
    }

}
