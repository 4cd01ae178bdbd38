package io.emailaccounts.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.contract.ServedContract;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * The TypeScript client's tests that need a server (client/typescript/test/server, run with Node's test runner)
 * against this server on a real port: every operation, If-Match, paging and filters, typed errors and the token grant;
 * the guides' and the reference's TypeScript samples. The client module builds the package they run from, and runs
 * its other tests (against a stand-in: the hosted service's answers, retries, timeouts) itself.
 */
class TypeScriptClientIT extends RunningServerTest {

    private static final Path PACKAGE = Path.of("..", "client", "target", "typescript").toAbsolutePath().normalize();

    /**
     * The reference's TypeScript samples (x-codeSamples), a module each, the sample the body of a function that is
     * given the password, as the Java samples are.
     */
    private static Path referenceSamples() throws IOException {
        Path directory = Files.createTempDirectory("typescript-samples");
        for (ApiContract.Operation operation : ServedContract.load().operations()) {
            for (String sample : operation.codeSamples("TypeScript")) {
                Files.writeString(directory.resolve(operation.operationId() + ".ts"), """
                        import {
                            AuthenticationApi, createConfiguration, CreateTokenGrantTypeEnum, dateTime, EmailAccount,
                            EmailAccountList, EmailAccountsApi, EmailServerType, HOSTED_BASE_URL, MessageDeletionPolicy,
                            propertyErrors, ResponseError,
                        } from '@emailaccounts/client';

                        export async function sample(password: string): Promise<void> {
                        %s
                        }
                        """.formatted(sample));
            }
        }
        return directory;
    }

    @Test
    void shouldPassTheTypeScriptClientsTestsAgainstTheServer() throws IOException, InterruptedException {
        Path tests = PACKAGE.resolve("dist/test/server");
        assertThat(tests).as("the TypeScript client built by the client module (mvn package -pl client)").isDirectory();
        List<String> command = new ArrayList<>(List.of("node", "--test"));
        try (Stream<Path> files = Files.list(tests)) {
            files.filter(file -> file.toString().endsWith(".test.js")).sorted().forEach(file -> command.add(file.toString()));
        }
        Path log = Files.createTempFile("typescript-client", ".log");
        ProcessBuilder node = new ProcessBuilder(command).directory(PACKAGE.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("EMAILACCOUNTS_BASE_URL", baseUrl());
        node.environment().put("EMAILACCOUNTS_USERNAME", ADMIN);
        node.environment().put("EMAILACCOUNTS_PASSWORD", ADMIN_PASSWORD);
        node.environment().put("EMAILACCOUNTS_SAMPLES", referenceSamples().toString());

        Process process = node.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the TypeScript tests finished").isTrue();

        String output = Files.readString(log);
        Files.delete(log);
        assertThat(process.exitValue()).as("node --test:%n%s", output).isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }
}
