package io.emailaccounts.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The guides (api/guides) as pages of the site, each as wide as the window: {@code guides/<slug>.html}, rendered from
 * its Markdown with the site's navigation, a search box and the guide's own contents; {@code guides/search-index.js},
 * the words of every section of every guide, which the site's {@code search.js} searches; and the site's style sheet
 * and search script, copied from beside the reference's template.
 *
 * <p>The index is a script, not a JSON file, so that search works from the file system too, where a page may not
 * fetch a file; and the pages run no inline script, which the server's Content-Security-Policy for /docs forbids. A
 * wide table scrolls within a box of its own, and so does a code block, so that no page is wider than its window.
 *
 * <p>A guide's links are the repository's: to another guide by its file ({@code 40-errors.md}, with or without a
 * {@code #heading}), which leads to that guide's page; to the reference by its anchor ({@code #operation/...}), which
 * leads to the reference's page; to a file of the site ({@code clients/java/index.html}), from the site's root.
 */
final class GuidePages {

    /** The site's folder of the guides' pages. */
    static final String FOLDER = "guides";
    /** The site's one style sheet, at its root: the guides' pages and the reference's navigation. */
    static final String STYLE_SHEET = "site.css";
    /** The script that searches the guides, at the site's root. */
    static final String SEARCH_SCRIPT = "search.js";
    /** The words it searches, in the guides' folder: a script that sets {@link #SEARCH_INDEX_VARIABLE}. */
    static final String SEARCH_INDEX = "search-index.js";
    /** The global the search index sets, which search.js reads. */
    static final String SEARCH_INDEX_VARIABLE = "emailAccountsGuides";
    /** The reference's page, at the site's root. */
    static final String REFERENCE = "index.html";

    private static final Pattern LINK_TO_GUIDE_FILE = Pattern.compile("\\d+-([a-z0-9-]+)\\.md(#.*)?");
    private static final Pattern LINK_TO_GUIDE_TAG = Pattern.compile("#tag/([a-z0-9-]+)");
    private static final Pattern WITH_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final Extension TABLES = TablesExtension.create();
    private static final Parser PARSER = Parser.builder().extensions(List.of(TABLES)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GuidePages() {
    }

    /**
     * Writes every guide's page, the search index, the style sheet and the search script into the site.
     *
     * @param site   the site's folder
     * @param assets the folder of the style sheet and the search script (beside the reference's template)
     */
    static void publish(List<Guide> guides, Path site, Path assets) throws IOException {
        Path folder = Files.createDirectories(site.resolve(FOLDER));
        Set<String> slugs = guides.stream().map(Guide::slug).collect(Collectors.toSet());
        ArrayNode index = JSON.createArrayNode();
        for (int i = 0; i < guides.size(); i++) {
            Guide guide = guides.get(i);
            Rendered rendered = render(guide, slugs);
            Files.writeString(folder.resolve(guide.page()), page(guides, i, rendered), StandardCharsets.UTF_8);
            ObjectNode entry = index.addObject().put("slug", guide.slug()).put("title", guide.title());
            ArrayNode sections = entry.putArray("sections");
            for (Section section : rendered.sections()) {
                sections.addObject().put("id", section.id()).put("heading", section.heading()).put("text", section.text());
            }
        }
        Files.writeString(folder.resolve(SEARCH_INDEX), "// Built from api/guides by the docs module (GuidePages): the "
                + "sections of every guide, which search.js searches.\nwindow." + SEARCH_INDEX_VARIABLE + " = "
                + JSON.writeValueAsString(index) + ";\n", StandardCharsets.UTF_8);
        for (String asset : List.of(STYLE_SHEET, SEARCH_SCRIPT)) {
            Files.copy(assets.resolve(asset), site.resolve(asset), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The site's header and navigation, for the reference's page or a guide's: a search box over the guides, every
     * guide, the reference and its changelog, the clients' references and the contract's files.
     *
     * @param current the slug of the guide the page shows; empty on the reference's page
     */
    static String navigation(List<Guide> guides, String current) {
        boolean reference = current.isEmpty();
        // From the reference's page, at the site's root, or from a guide's, in the guides' folder.
        String root = reference ? "" : "../";
        String toGuides = reference ? FOLDER + "/" : "";
        StringBuilder html = new StringBuilder();
        html.append("<header class=\"site-header\">\n")
                .append("<a class=\"site-title\" href=\"").append(root).append(REFERENCE).append("\">EmailAccounts API</a>\n")
                // Hidden until search.js, which makes it work, shows it.
                .append("<form class=\"site-search\" role=\"search\" data-guides=\"").append(toGuides)
                .append("\" hidden>\n<input type=\"search\" name=\"q\" placeholder=\"Search the guides\" ")
                .append("aria-label=\"Search the guides\" autocomplete=\"off\">\n")
                .append("<div class=\"search-results\" aria-live=\"polite\" hidden></div>\n</form>\n");
        if (reference) {
            // Shown by reference.js when a server serves the page: its interactive console.
            html.append("<a id=\"try-it\" href=\"try-it.html\" hidden>Try it against this server</a>\n");
        }
        html.append("</header>\n<nav class=\"site-nav\" aria-label=\"The site\">\n")
                .append("<div class=\"nav-group\"><h2>Guides</h2>\n<ul>\n");
        for (Guide guide : guides) {
            html.append("<li><a href=\"").append(toGuides).append(guide.page()).append('"')
                    .append(guide.slug().equals(current) ? " aria-current=\"page\"" : "").append('>')
                    .append(escaped(guide.title())).append("</a></li>\n");
        }
        html.append("</ul></div>\n<div class=\"nav-group\"><h2>Reference</h2>\n<ul>\n")
                .append("<li><a href=\"").append(root).append(REFERENCE).append('"')
                .append(reference ? " aria-current=\"page\"" : "").append(">API reference</a></li>\n")
                .append("<li><a href=\"").append(reference ? "" : root + REFERENCE).append("#tag/").append(ReferenceSite.CHANGELOG_TAG)
                .append("\">Changelog</a></li>\n")
                .append("<li><a href=\"").append(root).append("clients/java/index.html\">Java client (Javadoc)</a></li>\n")
                .append("<li><a href=\"").append(root).append("clients/typescript/index.html\">TypeScript client (TypeDoc)</a></li>\n")
                .append("</ul></div>\n<div class=\"nav-group\"><h2>The contract, for tools</h2>\n<ul id=\"contract-files\">\n");
        for (String file : List.of("openapi.yaml", "openapi.json", PostmanCollection.FILE)) {
            html.append("<li><a href=\"").append(root).append(ReferenceSite.WHOLE_CONTRACT).append('/').append(file)
                    .append("\">").append(file).append("</a></li>\n");
        }
        return html.append("</ul></div>\n</nav>\n").toString();
    }

    /**
     * Where a guide's link leads from its page: another guide's file to that guide's page (and the same heading), an
     * anchor of the reference ({@code #operation/...}, {@code #tag/EmailAccounts}) to the reference's page, a guide's
     * own anchor in the reference of old ({@code #tag/errors}) to that guide's page, a file of the site to it from the
     * site's root; an address with a scheme ({@code https:}) stays as it is.
     */
    static String linkFromGuide(String destination, Set<String> slugs) {
        Matcher file = LINK_TO_GUIDE_FILE.matcher(destination);
        if (file.matches()) {
            return file.group(1) + ".html" + (file.group(2) == null ? "" : file.group(2));
        }
        Matcher tag = LINK_TO_GUIDE_TAG.matcher(destination);
        if (tag.matches() && slugs.contains(tag.group(1))) {
            return tag.group(1) + ".html";
        }
        if (destination.startsWith("#")) {
            return "../" + REFERENCE + destination;
        }
        if (destination.isEmpty() || destination.startsWith("/") || WITH_SCHEME.matcher(destination).matches()) {
            return destination;
        }
        return "../" + destination;
    }

    /**
     * A description of the contract as the site publishes it: a link to a guide by its anchor in the contract
     * ({@code [Clients](#tag/clients)}, as the contract's own descriptions write it) leads to the guide's page.
     *
     * @param prefix what the pages' addresses start with: empty on the reference's page, beside the guides' folder;
     *               {@code /docs/} for the contract tools read, which the server serves from its root
     *               ({@code /openapi.yaml}) as well as beside the site
     */
    static String linksToGuidePages(String markdown, List<Guide> guides, String prefix) {
        if (guides.isEmpty()) {
            return markdown;
        }
        String slugs = guides.stream().map(guide -> Pattern.quote(guide.slug())).collect(Collectors.joining("|"));
        return Pattern.compile("\\]\\(#tag/(" + slugs + ")\\)").matcher(markdown)
                .replaceAll("](" + Matcher.quoteReplacement(prefix) + FOLDER + "/$1.html)");
    }

    /** A guide's page: the site's navigation, the guide's title, its contents, its body, and the guides either side. */
    private static String page(List<Guide> guides, int position, Rendered rendered) {
        Guide guide = guides.get(position);
        StringBuilder contents = new StringBuilder();
        for (Section section : rendered.sections()) {
            if (!section.id().isEmpty()) {
                contents.append("<li class=\"level-").append(section.level()).append("\"><a href=\"#").append(section.id())
                        .append("\">").append(escaped(section.heading())).append("</a></li>\n");
            }
        }
        StringBuilder pager = new StringBuilder();
        if (position > 0) {
            Guide previous = guides.get(position - 1);
            pager.append("<a class=\"previous\" href=\"").append(previous.page()).append("\">Previous: ")
                    .append(escaped(previous.title())).append("</a>\n");
        }
        if (position < guides.size() - 1) {
            Guide next = guides.get(position + 1);
            pager.append("<a class=\"next\" href=\"").append(next.page()).append("\">Next: ")
                    .append(escaped(next.title())).append("</a>\n");
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s · Nexudus Spaces EmailAccounts API</title>
                <link rel="stylesheet" href="../%2$s">
                </head>
                <body class="guide-page">
                <!-- Built from api/guides by the docs module (GuidePages): everything is in this site, nothing comes from the network. -->
                %3$s<main class="guide">
                <h1>%1$s</h1>
                %4$s%5$s
                <nav class="pager" aria-label="The guides before and after">
                %6$s</nav>
                </main>
                <!-- No inline script: the server sends the page with a Content-Security-Policy that runs scripts from files only. -->
                <script src="%7$s"></script>
                <script src="../%8$s"></script>
                </body>
                </html>
                """.formatted(escaped(guide.title()), STYLE_SHEET, navigation(guides, guide.slug()),
                contents.isEmpty() ? "" : "<nav class=\"contents\" aria-label=\"On this page\">\n<h2>On this page</h2>\n<ul>\n"
                        + contents + "</ul>\n</nav>\n", rendered.html(), pager, SEARCH_INDEX, SEARCH_SCRIPT);
    }

    /** The guide's body as HTML, its links leading where they do in the site, and its sections with their anchors. */
    private static Rendered render(Guide guide, Set<String> slugs) {
        Node document = PARSER.parse(guide.body());
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(linkFromGuide(link.getDestination(), slugs));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(linkFromGuide(image.getDestination(), slugs));
            }

            @Override
            public void visit(CustomBlock block) {
                visitChildren(block);
                if (block instanceof TableBlock) {
                    ScrollBox box = new ScrollBox();
                    block.insertBefore(box);
                    box.appendChild(block);
                }
            }
        });
        // The anchors the heading-anchor extension gives the headings, as it writes them.
        Map<Node, String> anchors = new IdentityHashMap<>();
        String html = HtmlRenderer.builder()
                .extensions(List.of(TABLES, HeadingAnchorExtension.create()))
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading) {
                        anchors.put(node, attributes.get("id"));
                    }
                })
                .nodeRendererFactory(ScrollBoxRenderer::new)
                .build()
                .render(document);
        List<Section> sections = new ArrayList<>();
        Section current = new Section("", guide.title(), 1, new StringBuilder());
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading) {
                sections.add(current);
                String id = anchors.get(node);
                if (id == null || id.isEmpty()) {
                    throw new IllegalStateException("a heading of the guide " + guide.slug() + " has no anchor");
                }
                current = new Section(id, PlainText.of(node), ((Heading) node).getLevel(), new StringBuilder());
            } else {
                current.words().append(PlainText.of(node)).append(' ');
            }
        }
        sections.add(current);
        return new Rendered(html, sections.stream().filter(section -> !section.id().isEmpty() || !section.text().isEmpty()).toList());
    }

    private static String escaped(String text) {
        StringBuilder html = new StringBuilder();
        new HtmlWriter(html).text(text);
        return html.toString();
    }

    /** A guide's body as HTML, and its sections: what comes before its first heading, then one per heading. */
    private record Rendered(String html, List<Section> sections) {
    }

    /**
     * A part of a guide: its heading's anchor (empty before the first heading), its heading, its level, and its words.
     */
    private record Section(String id, String heading, int level, StringBuilder words) {
        String text() {
            return words.toString().replaceAll("\\s+", " ").strip();
        }
    }

    /** A wide block (a table) in a box of its own, which scrolls sideways rather than the page. */
    private static final class ScrollBox extends CustomBlock {
    }

    /** Writes a {@link ScrollBox}: a div that scrolls, which a keyboard can reach to scroll it, around its block. */
    private static final class ScrollBoxRenderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        ScrollBoxRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(ScrollBox.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", "scroll-box");
            attributes.put("tabindex", "0");
            html.line();
            html.tag("div", context.extendAttributes(node, "div", attributes));
            for (Node child = node.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
            html.tag("/div");
            html.line();
        }
    }

    /** The words of a part of a guide, as a reader sees them: its text, its code, its tables' cells, without markup. */
    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder text = new StringBuilder();

        static String of(Node node) {
            PlainText plain = new PlainText();
            node.accept(plain);
            return plain.text.toString().replaceAll("\\s+", " ").strip();
        }

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code code) {
            text.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            text.append(' ');
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            text.append(' ');
        }

        @Override
        public void visit(FencedCodeBlock block) {
            text.append(' ').append(block.getLiteral()).append(' ');
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            text.append(' ').append(block.getLiteral()).append(' ');
        }

        /** A table's rows and cells: a space between each. */
        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            text.append(' ');
        }
    }
}
