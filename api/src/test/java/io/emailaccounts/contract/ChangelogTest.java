package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelog, made from the released contracts and the working one by the gate's own comparison. */
class ChangelogTest {

    @TempDir
    Path released;

    @Test
    void shouldListTheReleasesInVersionOrderNewestLast() throws IOException {
        for (String version : new String[] {"1.10.0", "1.2.0", "1.9.3", "2.0.0"}) {
            Files.writeString(released.resolve(version + ".yaml"), "openapi: 3.0.3\n");
        }
        Files.writeString(released.resolve("notes.txt"), "not a release");

        assertThat(Releases.in(released).all()).extracting(Releases.Release::version)
                .containsExactly("1.2.0", "1.9.3", "1.10.0", "2.0.0");
    }

    @Test
    void shouldNameWhatIsUnreleasedAndMarkAReleaseThatBreaksClients() throws IOException {
        String first = Files.readString(GatedContracts.RELEASED);
        Files.writeString(released.resolve("1.0.0.yaml"), first);
        Files.writeString(released.resolve("2.0.0.yaml"), withoutProperty(first, "ReplyToEmail"));
        Path working = released.resolveSibling(released.getFileName() + "-working.yaml");
        Files.writeString(working, withProperty(withoutProperty(first, "ReplyToEmail"), "Signature"));

        String changelog = Changelog.markdown(Releases.in(released), working);

        String[] sections = changelog.split("(?m)^### ");
        assertThat(sections[1]).startsWith("Unreleased").contains("Compatible", "`Signature`").doesNotContain("**Breaking:**");
        assertThat(sections[2]).startsWith("2.0.0").contains("**Breaking**")
                .as("the removal marked where it is listed").containsPattern("(?m)^\\s*\\* \\*\\*Breaking:\\*\\* Deleted property `ReplyToEmail`")
                .as("the operation that answers it marked").containsPattern("(?m)^##### \\*\\*Breaking:\\*\\* `GET` /api/crm/emailaccounts/\\{id}");
        assertThat(sections[3]).startsWith("1.0.0").contains("The first released contract.");
    }

    @Test
    void shouldShowEachReleasesWrittenNotesAboveItsMachineDiff() throws IOException {
        String first = Files.readString(GatedContracts.RELEASED);
        Files.writeString(released.resolve("1.0.0.yaml"), first);
        Files.writeString(released.resolve("1.1.0.yaml"), withProperty(first, "Signature"));
        Files.writeString(released.resolve("1.1.0.md"), "Signatures, for the help desk's replies. Nothing to do to upgrade.\n");
        Path working = released.resolve("openapi.yaml");
        Files.writeString(working, withProperty(first, "Signature"));
        Files.writeString(released.resolve(Changelog.UNRELEASED_NOTES), "Coming: a footer.");

        String[] sections = Changelog.markdown(Releases.in(released), working).split("(?m)^### ");

        assertThat(sections[1]).startsWith("Unreleased\n\nComing: a footer.\n\nCompatible");
        assertThat(sections[2]).startsWith("1.1.0\n\nSignatures, for the help desk's replies. Nothing to do to upgrade.\n\nCompatible")
                .contains("`Signature`");
        assertThat(sections[3]).startsWith("1.0.0\n\nThe first released contract.");
    }

    /** The contract with an optional text property added to EmailAccountFields (and so to the records). */
    private static String withProperty(String contract, String name) {
        return contract.replaceFirst("(?m)^(    EmailAccountFields:\\n(?:.*\\n)*?      properties:\\n)",
                "$1        " + name + ":\n          type: string\n          nullable: true\n          maxLength: 100\n"
                        + "          description: A signature.\n          example: Regards\n");
    }

    /** The contract without a property of EmailAccountFields: a removal, which breaks clients. */
    private static String withoutProperty(String contract, String name) {
        return contract.replaceFirst("(?m)^        " + name + ":\\n(?:          .*\\n|\\n)*", "");
    }
}
