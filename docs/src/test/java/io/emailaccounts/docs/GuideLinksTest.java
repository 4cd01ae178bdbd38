package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Where links lead in the site: a guide's links, written for the repository, from the guide's page; the contract's links
 * to the guides, written as Redoc's anchors, from the reference's page. (GuidePagesTest follows every link the guides
 * have today in a browser; this covers the kinds they may have.)
 */
class GuideLinksTest {

    private static final Set<String> SLUGS = Set.of("errors", "clients");

    @Test
    void shouldLeadALinkToAnotherGuidesFileToItsPageAndHeading() {
        assertThat(GuidePages.linkFromGuide("40-errors.md", SLUGS)).isEqualTo("errors.html");
        assertThat(GuidePages.linkFromGuide("40-errors.md#the-envelope", SLUGS)).isEqualTo("errors.html#the-envelope");
    }

    @Test
    void shouldLeadALinkIntoTheReferenceToTheReferencesPage() {
        assertThat(GuidePages.linkFromGuide("#operation/updateEmailAccount", SLUGS))
                .isEqualTo("../index.html#operation/updateEmailAccount");
        assertThat(GuidePages.linkFromGuide("#tag/EmailAccounts", SLUGS)).isEqualTo("../index.html#tag/EmailAccounts");
        assertThat(GuidePages.linkFromGuide("#tag/Changelog", SLUGS)).isEqualTo("../index.html#tag/Changelog");
        // A guide's anchor in the reference of old leads to its page.
        assertThat(GuidePages.linkFromGuide("#tag/errors", SLUGS)).isEqualTo("errors.html");
    }

    @Test
    void shouldLeadALinkToAFileOfTheSiteFromTheSitesRootAndLeaveOtherSitesAlone() {
        assertThat(GuidePages.linkFromGuide("clients/java/index.html", SLUGS)).isEqualTo("../clients/java/index.html");
        assertThat(GuidePages.linkFromGuide("https://github.com/OpenAPITools/openapi-diff", SLUGS))
                .isEqualTo("https://github.com/OpenAPITools/openapi-diff");
        assertThat(GuidePages.linkFromGuide("mailto:api@example.com", SLUGS)).isEqualTo("mailto:api@example.com");
    }

    @Test
    void shouldLeadTheContractsLinksToGuidesToTheirPagesOnly() {
        List<Guide> guides = List.of(new Guide("errors", "Errors", ""), new Guide("clients", "Clients", ""));

        assertThat(GuidePages.linksToGuidePages("see [Errors](#tag/errors) and [Clients](#tag/clients); "
                + "[EmailAccounts](#tag/EmailAccounts), [the changelog](#tag/Changelog)", guides, ""))
                .isEqualTo("see [Errors](guides/errors.html) and [Clients](guides/clients.html); "
                        + "[EmailAccounts](#tag/EmailAccounts), [the changelog](#tag/Changelog)");
    }
}
