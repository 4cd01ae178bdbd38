package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dependency snippets and the TypeScript package's file name of the README and the guides name the version the build makes, which is the contract's. */
class DependencySnippetTest {

    @Test
    void shouldNameTheContractsVersionInEverySnippet() {
        String version = DocumentedClient.contractVersion();

        assertThat(DocumentedClient.readmeMavenSnippet()).isNotBlank();
        assertThat(DocumentedClient.mavenSnippets()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(snippet -> assertThat(snippet).contains("<groupId>io.emailaccounts</groupId>")
                        .contains("<version>" + version + "</version>"));
        assertThat(DocumentedClient.gradleSnippets()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(snippet -> assertThat(snippet)
                        .isEqualTo("implementation(\"io.emailaccounts:emailaccounts-client:" + version + "\")"));
        assertThat(DocumentedClient.typescriptPackages()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(file -> assertThat(file).isEqualTo("emailaccounts-client-" + version + ".tgz"));
    }
}
