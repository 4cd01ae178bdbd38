package io.emailaccounts.server.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server (server/target/emailaccounts-server.jar, from mvn package) started as the README's run command
 * starts it, with the README's JVM settings, in a folder of its own (its embedded database and development
 * administrator in {@code data/}), its output in {@code server.log} there.
 */
public final class PackagedServer implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Process process;
    private final Path folder;
    private final int port;

    private PackagedServer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Starts it in {@code folder} and waits until it answers its health check. */
    public static PackagedServer start(Path folder) throws IOException, InterruptedException {
        return start(folder, List.of());
    }

    /** Starts it in {@code folder} with these arguments besides its port, and waits until it answers its health check. */
    public static PackagedServer start(Path folder, List<String> arguments) throws IOException, InterruptedException {
        Path jar = ROOT.resolve("server/target/emailaccounts-server.jar");
        if (!Files.exists(jar)) {
            fail("There is no packaged server %s (mvn package)", jar);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "@" + ROOT.resolve("server/jvm.options"), "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile())
                .start();
        PackagedServer server = new PackagedServer(process, folder, port);
        server.awaitHealthy();
        return server;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** What it has written to its standard output and error so far. */
    public String log() throws IOException {
        return Files.readString(folder.resolve("server.log"));
    }

    /** A client signed in as the development administrator the server made at its first start. */
    public RawHttp asAdministrator() throws IOException {
        String credentials = Files.readString(folder.resolve("data/dev-credentials")).strip();
        int colon = credentials.indexOf(':');
        return new RawHttp(baseUrl()).basicAuth(credentials.substring(0, colon), credentials.substring(colon + 1));
    }

    /** SIGTERM, as an orchestrator stops it, and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The server stopped while starting:%n%s", log());
            }
            try {
                if (new RawHttp(baseUrl()).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        fail("The server did not start within 90 s:%n%s", log());
    }
}
