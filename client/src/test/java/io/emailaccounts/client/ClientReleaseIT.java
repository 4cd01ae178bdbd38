package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.emailaccounts.documentation.ProjectCopy;

/**
 * The release path as a consumer meets it: {@code mvn deploy} publishes the client to the repository a property names
 * (a file repository under {@code target/} here), with what Maven Central asks of a publication (the project's home,
 * repository and maintainers in the POM, a signature beside each file), and an empty Java 17 project that has only the
 * README's dependency snippet compiles the getting-started program against what was published.
 */
class ClientReleaseIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    // What a publisher gives (the guide Clients, "Publishing"); this project has no public home of its own yet.
    private static final String HOME = "https://emailaccounts.example.org";
    private static final String REPOSITORY = "https://git.example.org/emailaccounts";
    private static final String MAINTAINERS = "maintainers@example.org";

    @Test
    void shouldPublishASignedClientThatTheReadmesSnippetBringsIntoAnEmptyProject() throws Exception {
        String version = DocumentedClient.contractVersion();
        Path repository = fresh(TARGET.resolve("release-repository"));
        SigningKey key = SigningKey.generate();
        // In a copy of the project, installing nothing: the packages this build made, and the local repository, keep
        // what a developer built, not a publication's made-up home. The TypeScript package too (built with the tests
        // otherwise), so that its package.json can be read.
        Path project = ProjectCopy.of(ROOT, TARGET.resolve("release-project"));
        maven(project, Map.of("MAVEN_GPG_KEY", key.armoredSecretKey()), "deploy", "-pl", "client", "-am", "-DskipTests",
                "-Dmaven.install.skip=true", "-Dtypescript.skip=false", "-DaltDeploymentRepository=releases::" + repository.toUri(),
                "-Demailaccounts.home=" + HOME, "-Demailaccounts.repository=" + REPOSITORY,
                "-Demailaccounts.maintainers=" + MAINTAINERS, "-Dgpg.keyname=" + key.fingerprint(), "-Dgpg.signer=bc");

        try (Stream<Path> artifacts = Files.list(repository.resolve("io/emailaccounts"))) {
            assertThat(artifacts.map(path -> path.getFileName().toString()))
                    .as("only the client is published: its POM stands alone").containsExactly("emailaccounts-client");
        }
        Path published = repository.resolve("io/emailaccounts/emailaccounts-client/" + version);
        String prefix = "emailaccounts-client-" + version;
        for (String file : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
            assertThat(published.resolve(prefix + file)).exists();
            assertThat(key.verifies(published.resolve(prefix + file))).as("%s%s is signed with the key given", prefix, file)
                    .isTrue();
        }
        String pom = Files.readString(published.resolve(prefix + ".pom"));
        assertThat(pom).as("a POM that stands alone, with only what the client needs at run time")
                .doesNotContain("<parent>").doesNotContain("${").doesNotContain("junit").doesNotContain("assertj")
                .contains("<artifactId>jackson-databind</artifactId>");
        Document model = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(published.resolve(prefix + ".pom").toFile());
        assertThat(Stream.of("name", "description", "url", "licenses/license/name", "scm/url", "scm/connection",
                        "scm/developerConnection", "developers/developer/name", "developers/developer/email")
                .collect(Collectors.toMap(path -> path, path -> values(model, path))))
                .as("what Maven Central requires of a POM, once each")
                .containsEntry("url", List.of(HOME))
                .containsEntry("licenses/license/name", List.of("Apache-2.0"))
                .containsEntry("scm/url", List.of(REPOSITORY))
                .containsEntry("scm/connection", List.of("scm:git:" + REPOSITORY + ".git"))
                .containsEntry("scm/developerConnection", List.of("scm:git:" + REPOSITORY + ".git"))
                .containsEntry("developers/developer/email", List.of(MAINTAINERS))
                .allSatisfy((path, found) -> assertThat(found).as(path).singleElement().asString().isNotBlank());

        JsonNode npm = new ObjectMapper().readTree(packedPackageJson(project, version));
        assertThat(npm.path("homepage").asText()).isEqualTo(HOME);
        assertThat(npm.path("repository").path("url").asText()).isEqualTo("git+" + REPOSITORY + ".git");
        assertThat(npm.path("license").asText()).as("the licence of the POM and of client/LICENSE").isEqualTo("Apache-2.0");
        assertThat(npm.path("publishConfig").path("access").asText()).as("a scoped package, published public").isEqualTo("public");

        Path consumer = fresh(TARGET.resolve("readme-consumer"));
        Files.writeString(consumer.resolve("pom.xml"), consumerPom(repository), StandardCharsets.UTF_8);
        Path sources = Files.createDirectories(consumer.resolve("src/main/java"));
        Files.writeString(sources.resolve("UpdateHelpDesk.java"), DocumentedClient.example(), StandardCharsets.UTF_8);

        maven(consumer, Map.of(), "compile", "-Dmaven.repo.local=" + consumer.resolve("local-repository"));

        assertThat(consumer.resolve("target/classes/UpdateHelpDesk.class")).exists();
    }

    @Test
    void shouldRefuseAPublicationThatDoesNotSayWhereTheProjectLives() throws Exception {
        String log = mavenFailing(ROOT, "validate", "-pl", "client", "-DskipTests", "-Demailaccounts.home=" + HOME,
                "-Demailaccounts.repository=" + REPOSITORY + ".git");
        assertThat(log).contains("-Demailaccounts.repository must be the public Git repository's https URL, without .git")
                .contains("a publication names the maintainers' address: -Demailaccounts.maintainers=")
                .contains("a publication is signed: -Dgpg.keyname=")
                .contains("a publication packs the npm package too");
    }

    /**
     * A project of its own, with nothing but the README's snippet: it reads the client from the release repository,
     * and everything else from the local repository of this build (as a remote one), else Maven Central.
     */
    private static String consumerPom(Path repository) throws IOException {
        String cache = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>com.example</groupId>
                    <artifactId>readme-consumer</artifactId>
                    <version>1</version>
                    <properties>
                        <maven.compiler.source>17</maven.compiler.source>
                        <maven.compiler.target>17</maven.compiler.target>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    </properties>
                    <repositories>
                        <repository><id>releases</id><url>%1$s</url></repository>
                        <repository><id>this-build</id><url>%2$s</url></repository>
                    </repositories>
                    <pluginRepositories>
                        <pluginRepository><id>this-build</id><url>%2$s</url></pluginRepository>
                    </pluginRepositories>
                    <dependencies>
                %3$s
                    </dependencies>
                </project>
                """.formatted(repository.toUri(), cache, DocumentedClient.readmeMavenSnippet());
    }

    private static void maven(Path directory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Run run = run(directory, environment, arguments);
        assertThat(run.exitValue()).as("mvn %s in %s:%n%s", List.of(arguments), directory, run.output()).isZero();
    }

    /** What a build that must fail wrote. */
    private static String mavenFailing(Path directory, String... arguments) throws IOException, InterruptedException {
        Run run = run(directory, Map.of(), arguments);
        assertThat(run.exitValue()).as("mvn %s in %s:%n%s", List.of(arguments), directory, run.output()).isNotZero();
        return run.output();
    }

    private record Run(int exitValue, String output) {
    }

    private static Run run(Path directory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(TARGET, "maven", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("mvn %s finished", command).isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** The text of every element at {@code path} (names joined by /) under the document's root. */
    private static List<String> values(Document document, String path) {
        List<Element> level = List.of(document.getDocumentElement());
        for (String name : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element found && found.getTagName().equals(name)) {
                        next.add(found);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(element -> element.getTextContent().strip()).toList();
    }

    /** The package.json of the npm package the build packed (target/typescript/*.tgz), as npm publishes it. */
    private static String packedPackageJson(Path project, String version) throws IOException, InterruptedException {
        Path tarball = project.resolve("client/target/typescript/emailaccounts-client-" + version + ".tgz");
        Process tar = new ProcessBuilder("tar", "-xzOf", tarball.toString(), "package/package.json")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(1, TimeUnit.MINUTES) && tar.exitValue() == 0).as("tar -xzOf %s", tarball).isTrue();
        return json;
    }

    /**
     * A signing key of its own, made for the test and thrown away: what a publisher's key is to the build. Given as
     * MAVEN_GPG_KEY to the plugin's BouncyCastle signer, so that the test needs no GnuPG.
     */
    private record SigningKey(String armoredSecretKey, PGPPublicKey publicKey) {

        static SigningKey generate() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            PGPKeyPair keyPair = new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), new Date());
            PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
            PGPSecretKey secretKey = new PGPSecretKey(PGPSignature.DEFAULT_CERTIFICATION, keyPair,
                    "EmailAccounts release test <" + MAINTAINERS + ">", sha1, null, null,
                    new JcaPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = new ArmoredOutputStream(armored)) {
                secretKey.encode(out);
            }
            return new SigningKey(armored.toString(StandardCharsets.US_ASCII), secretKey.getPublicKey());
        }

        String fingerprint() {
            return HexFormat.of().withUpperCase().formatHex(publicKey.getFingerprint());
        }

        /** Whether the file has a signature beside it ({@code .asc}) that this key made of it. */
        boolean verifies(Path file) throws Exception {
            Path signature = file.resolveSibling(file.getFileName() + ".asc");
            if (!Files.exists(signature)) {
                return false;
            }
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(signature))) {
                Object read = new JcaPGPObjectFactory(in).nextObject();
                if (!(read instanceof PGPSignatureList signatures) || signatures.isEmpty()) {
                    return false;
                }
                PGPSignature made = signatures.get(0);
                made.init(new JcaPGPContentVerifierBuilderProvider(), publicKey);
                made.update(Files.readAllBytes(file));
                return made.getKeyID() == publicKey.getKeyID() && made.verify();
            }
        }
    }

    private static Path fresh(Path directory) throws IOException {
        ProjectCopy.delete(directory);
        return Files.createDirectories(directory);
    }
}
