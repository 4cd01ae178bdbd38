package io.emailaccounts.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.documentation.Documentation.Page;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.JavaSnippets;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the README and the guides show works: every Java sample compiles, the programs run against a live server, and
 * the answers the getting-started guide shows are the server's.
 */
class DocumentedSamplesTest extends RunningServerTest {

    private static final Documentation DOCUMENTATION = Documentation.of(Path.of(".."));

    private static final String DOCUMENTED_BASE_URL = "http://localhost:8080";
    private static final Pattern CLASS = Pattern.compile("(?m)^public class (\\w+)");

    @TempDir
    Path work;

    private static String javaProgram(String className) {
        return DOCUMENTATION.pages().stream().flatMap(page -> page.blocks("java").stream())
                .filter(block -> block.contains("public class " + className + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no page shows the program " + className));
    }

    @Test
    void shouldCompileAndRunTheTour() throws Exception {
        JavaSnippets.compile(work, "Tour", javaProgram("Tour").replace(DOCUMENTED_BASE_URL, baseUrl()));

        String output = runMain("Tour", new String[] {ADMIN_PASSWORD});

        assertThat(output).containsPattern("(?m)^\\d+ Sales and support$").contains("deleted: true");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_account").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void shouldCompileAndRunTheFirstUpdate() throws Exception {
        String program = javaProgram("UpdateHelpDesk");
        assertThat(program).contains(DOCUMENTED_BASE_URL);
        JavaSnippets.compile(work, "UpdateHelpDesk", program.replace(DOCUMENTED_BASE_URL, baseUrl()));

        String output = runMain("UpdateHelpDesk", new String[] {ADMIN_PASSWORD});
        assertThat(output).containsPattern("(?m)^EmailAccount was successfully updated\\. at \\d{4}-\\d{2}-\\d{2}T");
        assertThat(records.row(EmailAccountRecords.ID))
                .containsEntry("display_name", "Help desk inbox")
                .containsEntry("delete_message_settings", 3)
                .containsEntry("reply_to_email", null)
                .containsEntry("notification_email_address", "notify@example.com");
    }

    /**
     * Every Java block of every page compiles: a program as it is, a fragment as the body of a method that has the
     * client's packages imported and a {@code password} at hand.
     */
    @Test
    void shouldCompileEveryJavaSample() {
        int fragments = 0;
        for (Page page : DOCUMENTATION.pages()) {
            for (String block : page.blocks("java")) {
                Matcher program = CLASS.matcher(block);
                if (program.find()) {
                    JavaSnippets.compile(work, program.group(1), block);
                } else {
                    String name = "Fragment" + ++fragments;
                    JavaSnippets.compile(work, name, """
                            import java.time.*;
                            import java.util.*;
                            import io.emailaccounts.client.*;
                            import io.emailaccounts.client.model.*;
                            // %s
                            class %s {
                                static void sample(String password) throws Exception {
                            %s
                                }
                            }
                            """.formatted(page.file(), name, block));
                }
            }
        }
        assertThat(fragments).as("fragments compiled, the ClientOptions one among them").isPositive();
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

    /** The getting-started guide's first update: its body is accepted, and its answer is the one shown below it. */
    @Test
    void shouldAnswerTheFirstUpdateAsShown() throws IOException {
        Page guide = DOCUMENTATION.guide("getting-started");
        RawHttp.Response response = asAdmin().put("/api/crm/emailaccounts", body(guide.blocks("bash").get(0)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode shown = RawHttp.json(guide.blocks("json").get(0));
        ((ObjectNode) shown).put("UpdatedOn", response.json().get("UpdatedOn").asString());
        assertThat(response.json()).isEqualTo(shown);
        assertThat(records.row(EmailAccountRecords.ID)).containsEntry("reply_to_email", null);
    }

    /** The getting-started guide's refused update is answered with the envelope shown below it, and so is the errors guide's. */
    @Test
    void shouldShowTheRealValidationAnswer() throws IOException {
        Page guide = DOCUMENTATION.guide("getting-started");
        String curl = guide.blocks("bash").get(1);
        assertThat(curl).contains("\"IncomingServerPort\": 70000");

        RawHttp.Response response = asAdmin().put("/api/crm/emailaccounts", body(curl));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(RawHttp.json(guide.blocks("json").get(1)));
        assertThat(response.json()).isEqualTo(RawHttp.json(DOCUMENTATION.guide("errors").blocks("json").get(0)));
        assertThat(records.row(EmailAccountRecords.ID)).doesNotContainEntry("incoming_server_port", 70000);
    }

    private static String body(String curl) {
        Matcher data = Pattern.compile("-d '(\\{.*?})'", Pattern.DOTALL).matcher(curl);
        assertThat(data.find()).as("a JSON body in:%n%s", curl).isTrue();
        return data.group(1);
    }
}
