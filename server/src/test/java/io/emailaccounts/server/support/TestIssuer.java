package io.emailaccounts.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenID Connect issuer, in a process of its own: the Spring Authorization Server app of server/test-issuer
 * (built before the server by the reactor), on a free port. Its clients stand for an organisation's users
 * (server/test-issuer/src/main/resources/application.yaml); {@link #token} gets one's access token with the client
 * credentials grant, as a client of an organisation's issuer would get a user's.
 */
public final class TestIssuer implements AutoCloseable {

    private static final Path JAR = Path.of("test-issuer", "target", "emailaccounts-test-issuer.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String uri;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();

    private TestIssuer(Process process, String uri) {
        this.process = process;
        this.uri = uri;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ended) {
                // the process ended
            }
        }, "test-issuer-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts an issuer and waits until its discovery document is served.
     *
     * @param settings more of its settings, such as {@code --spring.security.oauth2.authorizationserver.issuer=...}
     *                 (the identifier its tokens carry; by default its own address)
     */
    public static TestIssuer start(String... settings) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it first (mvn -pl server -am verify, "
                    + "or mvn package in server/test-issuer)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("test-issuer", ".log");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m", "-jar", JAR.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
            command.addAll(List.of(settings));
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            TestIssuer issuer = new TestIssuer(process, "http://127.0.0.1:" + port);
            issuer.awaitDiscovery(log);
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitDiscovery(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test issuer stopped: " + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(uri + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException("The test issuer did not start in 90 s: " + Files.readString(log));
    }

    /** The issuer identifier, its {@code iss}. */
    public String uri() {
        return uri;
    }

    /** An access token of the client (the user) of that id. */
    public String token(String client) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "/oauth2/token"))
                .header("Authorization", RawHttp.basicAuthorization(client, client + "-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The test issuer refused a token to " + client + ": " + answer.body());
            }
            return RawHttp.json(answer.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs with a new key from now on, publishing it beside the others. */
    public void rotateKeys() {
        command("rotate");
    }

    /** Withdraws every key but the newest. */
    public void retireOldKeys() {
        command("retire");
    }

    private void command(String command) {
        try {
            Writer input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            input.write(command + "\n");
            input.flush();
            String answer = output.poll(30, TimeUnit.SECONDS);
            while (answer != null && !answer.startsWith("done ") && !answer.startsWith("unknown command")) {
                answer = output.poll(30, TimeUnit.SECONDS); // a line the issuer logged
            }
            if (!("done " + command).equals(answer)) {
                throw new IllegalStateException("The test issuer answered " + answer + " to " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
