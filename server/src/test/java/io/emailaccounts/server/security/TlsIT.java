package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.emailaccounts.server.support.EmailAccountRecords.ID;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.ClientOptions;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * HTTPS from PEM files, started with the options the Operations guide shows (Spring Boot's SSL bundles:
 * server.ssl.bundle and spring.ssl.bundle.pem.*) and a certificate for localhost this test makes with openssl; tried
 * with curl, the Java client and the TypeScript client's own tests, each trusting that certificate and refusing the
 * server without it; a renewed certificate written over the files is served without a restart.
 */
class TlsIT extends RunningServerTest {

    private static final Path PACKAGE = Path.of("..", "client", "target", "typescript").toAbsolutePath().normalize();
    private static final String HSTS = BehindABalancerTest.HSTS;
    /** Where the guide's block keeps the certificate and the key. */
    private static final String GUIDE_FOLDER = "/etc/emailaccounts/tls/";

    /** The certificate (cert.pem) and its key (key.pem), made once for the class. */
    private static Path certificates;

    /**
     * The server options of the Operations guide's TLS block, its files in this test's folder, the port left random;
     * and a renewal noticed after 1 s without changes instead of 10.
     */
    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        certificates = Files.createTempDirectory("tls");
        makeCertificate(certificates);
        String block = Documentation.of(Path.of("..")).guide("operations").section("### TLS").blocks("shell").get(0);
        Matcher option = Pattern.compile("--([\\w.-]+)=(\\S+)").matcher(block);
        Map<String, String> options = new LinkedHashMap<>();
        while (option.find()) {
            options.put(option.group(1), option.group(2).replace(GUIDE_FOLDER, certificates + "/"));
        }
        assertThat(options).as("the guide's TLS options:%n%s", block).containsKey("server.ssl.bundle")
                .hasEntrySatisfying("server.port", port -> assertThat(port).isNotBlank());
        options.remove("server.port");
        options.forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.ssl.bundle.watch.file.quiet-period", () -> "1s");
    }

    /** A self-signed certificate for localhost and 127.0.0.1 (cert.pem), valid two days, and its key (key.pem). */
    private static void makeCertificate(Path directory) throws IOException, InterruptedException {
        run(directory, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", "key.pem", "-out", "cert.pem");
    }

    @Override
    protected String baseUrl() {
        return "https://localhost:" + port;
    }

    @Test
    void shouldServeHttpsWithHstsToCurlThatTrustsTheCertificate() throws IOException, InterruptedException {
        Result trusted = run(certificates, "curl", "-sS", "--cacert", "cert.pem", "-u", ADMIN + ":" + ADMIN_PASSWORD,
                "-D", "-", baseUrl() + "/api/crm/emailaccounts/" + ID);
        Result untrusted = run(certificates, "curl", "-sS", "-u", ADMIN + ":" + ADMIN_PASSWORD, baseUrl() + "/api/crm/emailaccounts");

        assertThat(trusted.exitCode()).as(trusted.output()).isZero();
        assertThat(trusted.output()).startsWith("HTTP/1.1 200").containsIgnoringCase("Strict-Transport-Security: " + HSTS)
                .contains("\"Id\":" + ID);
        assertThat(untrusted.exitCode()).as("curl's code for a certificate it cannot verify: %s", untrusted.output()).isEqualTo(60);
    }

    /** Plain HTTP to the HTTPS port: the connector's 400, before any request is read; nothing is served. */
    @Test
    void shouldServeNothingOverPlainHttpOnTheHttpsPort() throws IOException, InterruptedException {
        Result plain = run(certificates, "curl", "-sS", "-i", "-u", ADMIN + ":" + ADMIN_PASSWORD,
                "http://localhost:" + port + "/api/crm/emailaccounts/" + ID);

        assertThat(plain.output()).startsWith("HTTP/1.1 400").contains("requires TLS").doesNotContain(String.valueOf(ID));
    }

    @Test
    void shouldServeTheJavaClientThatTrustsTheCertificate() throws ApiException {
        SSLContext trusting = SslBundle.of(new PemSslStoreBundle(null,
                PemSslStoreDetails.forCertificate("file:" + certificates.resolve("cert.pem")))).createSslContext();
        EmailAccountsApi emailAccounts = emailAccounts(NexudusClients.passwordGrant(baseUrl(), ADMIN, ADMIN_PASSWORD,
                ClientOptions.defaults().withSslContext(trusting)));
        EmailAccountsApi untrusting = emailAccounts(NexudusClients.basicAuth(baseUrl(), ADMIN, ADMIN_PASSWORD,
                ClientOptions.defaults().withMaxRetries(0)));

        EmailAccount read = emailAccounts.getEmailAccount(ID, null);

        assertThat(read.getId()).isEqualTo(ID);
        assertThatThrownBy(() -> untrusting.getEmailAccount(ID, null)).as("the JVM's trusted certificates only")
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldPassTheTypeScriptClientsServerTestsOverHttps() throws IOException, InterruptedException {
        Path tests = PACKAGE.resolve("dist/test");
        assertThat(tests).as("the TypeScript client built by the client module (mvn package -pl client)").isDirectory();
        Map<String, String> environment = Map.of("EMAILACCOUNTS_BASE_URL", baseUrl(), "EMAILACCOUNTS_USERNAME", ADMIN,
                "EMAILACCOUNTS_PASSWORD", ADMIN_PASSWORD, "NODE_EXTRA_CA_CERTS", certificates.resolve("cert.pem").toString());

        Result trusted = run(PACKAGE, environment, "node", "--test", "dist/test/server/server.test.js");
        Result untrusted = run(PACKAGE, Map.of("EMAILACCOUNTS_BASE_URL", baseUrl(), "EMAILACCOUNTS_USERNAME", ADMIN,
                "EMAILACCOUNTS_PASSWORD", ADMIN_PASSWORD), "node", "--test", "dist/test/server/server.test.js");

        assertThat(trusted.exitCode()).as("node --test over https:%n%s", trusted.output()).isZero();
        assertThat(trusted.output()).contains("# fail 0").doesNotContain("# pass 0");
        assertThat(untrusted.exitCode()).as("without the certificate: %s", untrusted.output()).isNotZero();
        assertThat(untrusted.output()).contains("# pass 0");
    }

    /** A renewed certificate written over the files is served without a restart (reload-on-update). */
    @Test
    void shouldServeARenewedCertificateWithoutARestart() throws IOException, InterruptedException {
        Path renewed = Files.createTempDirectory("renewed");
        makeCertificate(renewed);
        String request = baseUrl() + "/actuator/health/liveness";
        assertThat(run(renewed, "curl", "-sS", "--cacert", "cert.pem", request).exitCode()).as("the renewed one, not yet served")
                .isEqualTo(60);

        Files.copy(renewed.resolve("key.pem"), certificates.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed.resolve("cert.pem"), certificates.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Result served;
        do {
            Thread.sleep(500);
            served = run(renewed, "curl", "-sS", "--cacert", "cert.pem", request);
        } while (served.exitCode() != 0 && Instant.now().isBefore(deadline));
        assertThat(served.exitCode()).as("the renewed certificate served within 60 s: %s", served.output()).isZero();
        assertThat(served.output()).contains("UP");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, String... command) throws IOException, InterruptedException {
        return run(directory, Map.of(), command);
    }

    private static Result run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("tls", ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
        }
        try {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (command[0].equals("openssl") && process.exitValue() != 0) {
                throw new AssertionError("openssl could not make the certificate:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } finally {
            Files.delete(log);
        }
    }
}
