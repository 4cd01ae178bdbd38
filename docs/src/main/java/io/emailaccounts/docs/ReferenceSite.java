package io.emailaccounts.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.contract.Changelog;
import io.emailaccounts.contract.ContractEnum;
import io.emailaccounts.contract.ContractExamples;
import io.emailaccounts.contract.Releases;
import io.emailaccounts.contract.RoleSentences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the offline site from the contract and the guides: index.html, the reference (a Redoc page with the contract
 * inlined, so it works from the file system with no network), Redoc's script beside it, and openapi.json, the contract
 * as the reference shows it (composed examples filled in), which the server's console loads. Run by the docs module's
 * build.
 *
 * <p>The guides (api/guides) are pages of their own, as wide as the window, in guides/ (see {@link GuidePages}), which
 * search.js searches from every page; the reference's operations come first in its page, and the changelog made from
 * the released contracts last (also written as changelog.md). Every page, the reference's too, has the site's
 * navigation: every guide, the reference, the changelog and the contract's files. The clients' own references (Javadoc
 * and TypeDoc, built by the client module) are published beside it, in clients/java and clients/typescript, and each
 * operation names its method in both.
 *
 * <p>Usage: {@code ReferenceSite <contract.yaml> <template.html> <output directory> <released contracts directory>
 * <guides directory> <Javadoc directory> <TypeDoc directory>}
 */
public final class ReferenceSite {

    /**
     * The folder of the site that holds the contract whole (every composed example with its value), as YAML and JSON:
     * what a tool reads, and what the server serves at {@code /openapi.yaml} and {@code /openapi.json}.
     */
    public static final String WHOLE_CONTRACT = "contract";


    static final String CONTRACT_PLACEHOLDER = "@CONTRACT_JSON@";
    /** Where the template has the site's header and navigation. */
    static final String NAVIGATION_PLACEHOLDER = "@SITE_NAVIGATION@";
    static final String CHANGELOG_TAG = "Changelog";
    /** Where the server serves the site, from its root. */
    static final String SERVED_SITE = "/docs/";
    private static final String REDOC = "META-INF/resources/webjars/redoc/2.5.1/redoc.standalone.js";
    private static final String REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
    private static final String EMPTY_IMAGE = "data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E";

    private ReferenceSite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: ReferenceSite <contract.yaml> <template.html> <output directory> "
                    + "<released contracts directory> <guides directory> <Javadoc directory> <TypeDoc directory>");
        }
        Path output = Files.createDirectories(Path.of(args[2]));
        Path template = Path.of(args[1]).toAbsolutePath();
        List<Guide> guides = Guide.in(Path.of(args[4]));
        // The guides' pages, and the style sheet and search script that sit beside the template.
        GuidePages.publish(guides, output, template.getParent());
        String changelog = Changelog.markdown(Releases.in(Path.of(args[3])), Path.of(args[0]));
        Files.writeString(output.resolve("changelog.md"), "# Changelog\n\n" + changelog, StandardCharsets.UTF_8);
        List<ClientReference> clients = List.of(
                ClientReference.java(Path.of(args[5])).publishIn(output),
                ClientReference.typescript(Path.of(args[6])).publishIn(output));
        Files.write(output.resolve(ClientReference.INLINE_SCRIPT_HASHES), ClientReference.inlineScriptHashes(output));
        JsonNode document = published(ApiContract.read(Path.of(args[0])));
        // The contract whole, for tools (an import, a mock, a linter): served at /openapi.yaml and /openapi.json, its
        // links to the guides leading to their pages where the server serves them.
        JsonNode forTools = document.deepCopy();
        withLinksToGuidePages(forTools, guides, SERVED_SITE);
        Path whole = Files.createDirectories(output.resolve(WHOLE_CONTRACT));
        Files.writeString(whole.resolve("openapi.json"), JsonMapper.builder().build().writeValueAsString(forTools), StandardCharsets.UTF_8);
        Files.writeString(whole.resolve("openapi.yaml"), YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build().writeValueAsString(forTools), StandardCharsets.UTF_8);
        Files.writeString(whole.resolve(PostmanCollection.FILE), JsonMapper.builder().build().writeValueAsString(
                PostmanCollection.of(forTools)), StandardCharsets.UTF_8);
        withClientMethods(document, clients);
        withLinksToGuidePages(document, guides, "");
        JsonNode contract = inSections(document, changelog);
        String page = Files.readString(template, StandardCharsets.UTF_8)
                .replace(NAVIGATION_PLACEHOLDER, GuidePages.navigation(guides, ""))
                .replace(CONTRACT_PLACEHOLDER, inlineJson(contract));
        Files.writeString(output.resolve(GuidePages.REFERENCE), page, StandardCharsets.UTF_8);
        // The page's own script, beside the template.
        Files.copy(template.resolveSibling("reference.js"), output.resolve("reference.js"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(output.resolve("openapi.json"), JsonMapper.builder().build().writeValueAsString(contract), StandardCharsets.UTF_8);
        try (InputStream redoc = ReferenceSite.class.getClassLoader().getResourceAsStream(REDOC)) {
            if (redoc == null) {
                throw new IllegalStateException("Redoc is not on the classpath: " + REDOC);
            }
            String script = offline(new String(redoc.readAllBytes(), StandardCharsets.UTF_8));
            Files.writeString(output.resolve("redoc.standalone.js"), script, StandardCharsets.UTF_8);
        }
    }

    /**
     * Ends each operation's description with a link to its method in each client's reference (a client whose
     * reference was not built links to the page that says how to build it).
     */
    static void withClientMethods(JsonNode document, List<ClientReference> clients) {
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                String operationId = operation.path("operationId").asString("");
                if (operationId.isEmpty()) {
                    continue;
                }
                List<String> links = clients.stream().map(client -> "[" + client.language() + "](" + client.linkTo(operationId)
                        + ")").toList();
                String description = operation.path("description").asString("").stripTrailing();
                ((ObjectNode) operation).put("description", (description.isEmpty() ? "" : description + "\n\n")
                        + "In the clients' references: `" + operationId + "` in " + String.join(", ", links) + ".");
            }
        }
    }

    /**
     * Redoc's script with nothing left that loads from the network: its footer shows Redocly's logo from a CDN,
     * which becomes an empty local image (the footer's text and link stay).
     */
    static String offline(String redoc) {
        if (!redoc.contains(REDOC_LOGO)) {
            throw new IllegalStateException("Redoc no longer loads its logo from " + REDOC_LOGO
                    + ": check what this Redoc loads from the network, and update ReferenceSite.offline");
        }
        return redoc.replace(REDOC_LOGO, EMPTY_IMAGE);
    }

    /**
     * The contract as readers see it: every composed example with its value, every named enum with its table, each
     * operation's description ending with who may call it.
     */
    static JsonNode published(ApiContract contract) {
        JsonNode document = new ContractExamples(contract).documentWithComposedValues();
        withEnumNames(contract, document);
        RoleSentences.addTo(contract, document);
        return document;
    }

    /**
     * Gives every enum with {@code x-enum-varnames} the {@code x-enumDescriptions} Redoc shows as a table, so that
     * readers see each value's name (and description) next to its number.
     */
    private static void withEnumNames(ApiContract contract, JsonNode document) {
        for (ContractEnum enumeration : contract.enums()) {
            if (enumeration.names().isEmpty()) {
                continue;
            }
            ObjectNode table = ((ObjectNode) document.path("components").path("schemas").path(enumeration.schemaName()))
                    .putObject("x-enumDescriptions");
            for (int i = 0; i < enumeration.values().size(); i++) {
                String name = enumeration.names().get(i);
                String description = i < enumeration.descriptions().size() ? enumeration.descriptions().get(i) : "";
                table.put(enumeration.values().get(i).asString(), description.isEmpty() ? name : name + ": " + description);
            }
        }
    }

    /**
     * Makes every description's link to a guide by its anchor in the contract ({@code [Clients](#tag/clients)}) lead
     * to the guide's page: the guides are pages of their own, not sections of the reference.
     *
     * @param prefix what the pages' addresses start with: empty for the reference's page, beside the guides' folder;
     *               {@link #SERVED_SITE} for the contract tools read
     */
    static void withLinksToGuidePages(JsonNode node, List<Guide> guides, String prefix) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if ("description".equals(name) && value.isString()) {
                    object.put(name, GuidePages.linksToGuidePages(value.asString(), guides, prefix));
                } else {
                    withLinksToGuidePages(value, guides, prefix);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> withLinksToGuidePages(element, guides, prefix));
        }
    }

    /**
     * The reference's two parts, in Redoc's navigation: the contract's own tags and their operations, and the
     * changelog: what changed in each released version of the contract, and what is not released yet.
     */
    static JsonNode inSections(JsonNode document, String changelog) {
        ArrayNode contractTags = (ArrayNode) ((ObjectNode) document).withArray("tags");
        List<String> reference = contractTags.findValuesAsString("name");
        ArrayNode tags = JsonMapper.builder().build().createArrayNode();
        tags.addAll(contractTags);
        tags.addObject()
                .put("name", CHANGELOG_TAG)
                .put("x-traitTag", true)
                .put("description", "Every version of this contract, newest first, as the build compares them: what was "
                        + "added, changed, deprecated and deleted, and whether clients of the version before keep working. "
                        + "Within one major version nothing breaks them (the build refuses it).\n\n" + changelog);
        ((ObjectNode) document).set("tags", tags);
        ArrayNode groups = ((ObjectNode) document).putArray("x-tagGroups");
        ArrayNode referenceTags = groups.addObject().put("name", "Reference").putArray("tags");
        reference.forEach(referenceTags::add);
        groups.addObject().put("name", "Changelog").putArray("tags").add(CHANGELOG_TAG);
        return document;
    }

    /** JSON that can sit inside a script element: a "</" would end it early. */
    static String inlineJson(JsonNode contract) {
        return JsonMapper.builder().build().writeValueAsString(contract).replace("</", "<\\/");
    }
}
