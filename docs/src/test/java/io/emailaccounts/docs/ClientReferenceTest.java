package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inline scripts of the clients' references that the server's policy lets run: those Javadoc and TypeDoc write. */
class ClientReferenceTest {

    @TempDir
    Path site;

    @Test
    void shouldHashTheScriptsJavadocWritesAndLeaveOutThoseThatDoNotRun() throws IOException {
        page("java/index.html", """
                <script type="text/javascript" src="script.js"></script>
                <script type="text/javascript">var pathtoroot = "../../";
                loadScripts(document, 'script');</script>
                <script type="application/json">{"not": "run"}</script>
                """);

        assertThat(ClientReference.inlineScriptHashes(site)).singleElement().asString().matches("'sha256-[A-Za-z0-9+/]{43}='");
    }

    @Test
    void shouldStopTheBuildAtAnyOtherInlineScript() throws IOException {
        page("typescript/classes/Evil.html", "<p>A comment</p><SCRIPT>fetch('/api/crm/emailaccounts')</SCRIPT>");

        assertThatThrownBy(() -> ClientReference.inlineScriptHashes(site)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Evil.html").hasMessageContaining("fetch('/api/crm/emailaccounts')");
    }

    private void page(String path, String html) throws IOException {
        Path file = site.resolve("clients").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, html);
    }
}
