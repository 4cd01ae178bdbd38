package io.emailaccounts.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.JavaSnippets;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the README shows a newcomer works: the Java snippet compiles and runs, the curl and its answers are real. */
class ReadmeTest extends RunningServerTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String README_BASE_URL = "http://localhost:8080";

    @TempDir
    Path work;

    private static String readme() throws IOException {
        return Files.readString(README, StandardCharsets.UTF_8);
    }

    private static List<String> blocks(String language) throws IOException {
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme());
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    @Test
    void shouldCompileAndRunTheTour() throws Exception {
        String tour = blocks("java").stream().filter(block -> block.contains("public class Tour")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no Tour"));
        JavaSnippets.compile(work, "Tour", tour.replace(README_BASE_URL, baseUrl()));

        String output = runMain("Tour", new String[] {ADMIN_PASSWORD});

        assertThat(output).containsPattern("(?m)^\\d+ Sales and support$").contains("deleted: true");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void shouldCompileAndRunTheClientSnippet() throws Exception {
        String snippet = blocks("java").stream().filter(block -> block.contains("public class UpdateHelpDesk")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no UpdateHelpDesk snippet"));
        assertThat(snippet).contains(README_BASE_URL);
        JavaSnippets.compile(work, "UpdateHelpDesk", snippet.replace(README_BASE_URL, baseUrl()));

        String output = runMain("UpdateHelpDesk", new String[] {ADMIN_PASSWORD});
        assertThat(output).containsPattern("(?m)^EmailAccount was successfully updated\\. at \\d{4}-\\d{2}-\\d{2}T");
        assertThat(records.row(EmailAccountRecords.ID))
                .containsEntry("display_name", "Help desk inbox")
                .containsEntry("delete_message_settings", 3)
                .containsEntry("reply_to_email", null)
                .containsEntry("notification_email_address", "notify@example.com");
    }

    @Test
    void shouldCompileTheClientOptionsSnippet() throws IOException {
        String snippet = blocks("java").stream().filter(block -> block.startsWith("ClientOptions options")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no ClientOptions snippet"));
        JavaSnippets.compile(work, "ClientOptionsSnippet", """
                import java.time.Duration;
                import io.emailaccounts.client.*;
                class ClientOptionsSnippet {
                    static ApiClient client(String password) {
                %s
                        return client;
                    }
                }
                """.formatted(snippet));
    }

    private String runMain(String className, String[] args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAcceptTheCurlBody() throws IOException {
        String curl = blocks("bash").stream().filter(block -> block.contains("-X PUT " + README_BASE_URL + "/api/crm/emailaccounts"))
                .findFirst().orElseThrow(() -> new AssertionError("README has no PUT curl"));
        Matcher data = Pattern.compile("-d '(\\{.*?})'", Pattern.DOTALL).matcher(curl);
        assertThat(data.find()).isTrue();

        RawHttp.Response response = asAdmin().put("/api/crm/emailaccounts", data.group(1));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode shown = RawHttp.json(blocks("json").get(0));
        ((ObjectNode) shown).put("UpdatedOn", response.json().get("UpdatedOn").asString());
        assertThat(response.json()).isEqualTo(shown);
        assertThat(records.row(EmailAccountRecords.ID)).containsEntry("reply_to_email", null);
    }

    @Test
    void shouldShowTheRealValidationAnswer() throws IOException {
        String curl = blocks("bash").stream().filter(block -> block.contains("\"IncomingServerPort\": 70000"))
                .findFirst().orElseThrow(() -> new AssertionError("README has no curl for the 400 example"));
        Matcher data = Pattern.compile("-d '(\\{.*?})'", Pattern.DOTALL).matcher(curl);
        assertThat(data.find()).isTrue();

        RawHttp.Response response = asAdmin().put("/api/crm/emailaccounts", data.group(1));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(RawHttp.json(blocks("json").get(1)));
    }
}
