package io.emailaccounts.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.support.ExampleBodies;
import io.emailaccounts.server.support.JavaSnippets;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * The code samples the reference shows (x-codeSamples in the contract): the Java ones compile, the curl ones run
 * against this server; the TypeScript ones are type-checked by the TypeScript client's tests (TypeScriptClientIT).
 */
class CodeSamplesTest extends RunningServerTest {

    private static final String HOSTED = "https://spaces.nexudus.com";

    @Autowired
    private ApiContract contract;

    @TempDir
    Path work;

    @Test
    void shouldCompileEveryJavaSample() {
        int compiled = 0;
        for (ApiContract.Operation operation : contract.operations()) {
            for (String sample : operation.codeSamples("Java")) {
                String className = "Sample_" + operation.operationId();
                JavaSnippets.compile(work, className, """
                        import java.util.*;
                        import io.emailaccounts.client.*;
                        import io.emailaccounts.client.api.*;
                        import io.emailaccounts.client.model.*;

                        class %s {
                            static void run(String password) throws Exception {
                        %s
                            }
                        }
                        """.formatted(className, sample));
                compiled++;
            }
        }
        assertThat(compiled).isGreaterThanOrEqualTo(2);
    }

    /**
     * Every curl sample, in the order of the operations but the deletes last (after every other operation on the
     * record they delete), against this server instead of the hosted one: each request it sends is answered 2xx.
     */
    @Test
    void shouldRunEveryCurlSampleAgainstTheServer() throws IOException, InterruptedException {
        int run = 0;
        for (ApiContract.Operation operation : ExampleBodies.operationsDeletesLast()) {
            for (String sample : operation.codeSamples("Shell")) {
                List<String> statuses = runCurl(sample.replace(HOSTED, baseUrl()));
                assertThat(statuses).as("%s: %s", operation.operationId(), sample).isNotEmpty().allMatch(status -> status.startsWith("2"));
                run++;
            }
        }
        assertThat(run).isEqualTo(contract.operations().size());
    }

    /** Runs a shell sample with curl writing each answer's status on a line of its own; the statuses, in order. */
    private List<String> runCurl(String script) throws IOException, InterruptedException {
        Path statuses = work.resolve("statuses");
        Files.deleteIfExists(statuses);
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
                "curl() { command curl -sS -o /dev/null -w '%{http_code}\\n' \"$@\" >> \"$STATUSES\"; }\n" + script)
                .redirectErrorStream(true).redirectOutput(work.resolve("curl.log").toFile());
        bash.environment().put("PASSWORD", ADMIN_PASSWORD);
        bash.environment().put("STATUSES", statuses.toString());
        Process process = bash.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("curl.log"))).isZero();
        return Files.exists(statuses) ? Files.readAllLines(statuses) : List.of();
    }
}
