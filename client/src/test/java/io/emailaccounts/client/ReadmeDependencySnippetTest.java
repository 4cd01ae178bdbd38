package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's dependency snippets name the version the build makes, which is the contract's. */
class ReadmeDependencySnippetTest {

    @Test
    void shouldNameTheContractsVersionInBothSnippets() {
        String version = ReadmeClientSection.contractVersion();

        assertThat(ReadmeClientSection.mavenSnippet()).contains("<groupId>io.emailaccounts</groupId>")
                .contains("<version>" + version + "</version>");
        assertThat(ReadmeClientSection.gradleSnippet())
                .isEqualTo("implementation(\"io.emailaccounts:emailaccounts-client:" + version + "\")");
    }
}
