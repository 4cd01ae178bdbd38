package io.emailaccounts.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A client's own reference, as the client module builds it (the Java client's Javadoc, the TypeScript client's
 * TypeDoc), published in the site under {@code clients/<directory>}.
 *
 * @param language  the client's language, as readers name it
 * @param directory its folder under the site's {@code clients/}
 * @param built     where the client module wrote it
 * @param apiPages  the folder, within it, of the pages of the generated API classes
 * @param anchor    the anchor of an operation's method on such a page, by operation id (group 1: its id)
 * @param published where the site has it, once published; null before
 */
record ClientReference(String language, String directory, Path built, String apiPages, Function<String, Pattern> anchor,
                       Path published) {

    /** How to build both references: the client module's build with its tests. */
    static final String HOW_TO_BUILD = "mvn -q install -pl client -am";
    /**
     * The file, in the site, of the hashes of the references' inline scripts (Javadoc's and TypeDoc's pages have a few
     * short ones): the server's Content-Security-Policy for /docs/clients allows those and no other inline script.
     */
    static final String INLINE_SCRIPT_HASHES = "clients/inline-script-hashes.txt";
    /** A script element: its attributes, and its text. Matched without regard to case, as browsers do. */
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCED = Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_RUN = Pattern.compile("\\stype\\s*=\\s*+[\"']?+(?!(?:text/javascript|module)[\"'\\s>])",
            Pattern.CASE_INSENSITIVE);
    /**
     * The inline scripts Javadoc and TypeDoc write, and the only ones allowed: where the search index lies, the colours
     * of table rows, TypeDoc's theme, a redirect to the index. Any other (a script that came in through a comment) stops
     * the build rather than being allowed to run.
     */
    private static final List<Pattern> KNOWN_SCRIPTS = List.of(
            Pattern.compile("(?:(?:var (?:evenRowColor|oddRowColor|tableTab|activeTableTab) = \"[a-z-]+\";"
                    + "|var pathtoroot = \"(?:\\./|(?:\\.\\./)+)\";|loadScripts\\(document, 'script'\\);)\\s*)+"),
            Pattern.compile(Pattern.quote("document.documentElement.dataset.theme = localStorage.getItem(\"tsd-theme\") || \"os\";"
                    + "document.body.style.display=\"none\";setTimeout(() => window.app?app.showPage():"
                    + "document.body.style.removeProperty(\"display\"),500)")),
            Pattern.compile(Pattern.quote("window.location.replace('index.html')")));

    /** The Java client's Javadoc: a method's anchor is its name and parameter types, {@code getEmailAccount(java.lang.Long,...)}. */
    static ClientReference java(Path javadoc) {
        return new ClientReference("Java", "java", javadoc, "io/emailaccounts/client/api",
                operationId -> Pattern.compile("id=\"(" + Pattern.quote(operationId) + "\\([^\"]*\\))\""), null);
    }

    /** The TypeScript client's TypeDoc: a method's anchor is its name in lower case, {@code getemailaccount}. */
    static ClientReference typescript(Path typedoc) {
        return new ClientReference("TypeScript", "typescript", typedoc, "classes",
                operationId -> Pattern.compile("id=\"(" + Pattern.quote(operationId.toLowerCase(Locale.ROOT)) + ")\""), null);
    }

    /**
     * Copies the reference into the site, or, when the client module built none (its tests were skipped), writes in
     * its place a page that says how to build it.
     */
    ClientReference publishIn(Path site) throws IOException {
        Path target = site.resolve("clients").resolve(directory);
        delete(target);
        Files.createDirectories(target);
        if (Files.isRegularFile(built.resolve("index.html"))) {
            try (Stream<Path> files = Files.walk(built)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve(built.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        } else {
            Files.writeString(target.resolve("index.html"), """
                    <!doctype html>
                    <html lang="en"><head><meta charset="utf-8"><title>%1$s client reference</title></head>
                    <body><h1>%1$s client reference</h1>
                    <p>This site was built without it: the client module builds it with its tests. Build it with
                    <code>%2$s</code> from the project's folder, then build the site again.</p>
                    <p><a href="../../index.html">Back to the guides and the API reference</a></p>
                    </body></html>
                    """.formatted(language, HOW_TO_BUILD), StandardCharsets.UTF_8);
        }
        return new ClientReference(language, directory, built, apiPages, anchor, target);
    }

    /**
     * The link, from the site's index, to the method that sends the operation, on the page of its API class; the
     * reference's first page when it was not built.
     *
     * @throws IllegalStateException when the reference has no such method: the client and the contract disagree
     */
    String linkTo(String operationId) {
        Path home = published.getParent().getParent();
        Path pages = published.resolve(apiPages);
        if (!Files.isDirectory(pages)) {
            return link(home, published.resolve("index.html"), "");
        }
        try (Stream<Path> files = Files.list(pages)) {
            for (Path page : files.filter(file -> file.toString().endsWith(".html")).sorted(Comparator.naturalOrder()).toList()) {
                Matcher method = anchor.apply(operationId).matcher(Files.readString(page, StandardCharsets.UTF_8));
                if (method.find()) {
                    // Javadoc's ids hold parentheses and commas, which would end a Markdown link: written escaped.
                    return link(home, page, "#" + method.group(1).replace("(", "%28").replace(")", "%29").replace(",", "%2C"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the " + language + " client's reference (" + built + ") has no method for the "
                + "operation " + operationId);
    }

    /**
     * The CSP source expression ({@code 'sha256-...'}) of every distinct inline script of the site's clients/ pages, as
     * a browser hashes it: the script element's text, as UTF-8.
     */
    static List<String> inlineScriptHashes(Path site) throws IOException {
        Set<String> hashes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(site.resolve("clients"))) {
            for (Path page : files.filter(file -> file.toString().endsWith(".html")).toList()) {
                Matcher script = SCRIPT.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (script.find()) {
                    if (SOURCED.matcher(script.group(1)).find() || NOT_RUN.matcher(script.group(1)).find()) {
                        continue;
                    }
                    String text = script.group(2);
                    if (KNOWN_SCRIPTS.stream().noneMatch(known -> known.matcher(text).matches())) {
                        throw new IllegalStateException(site.relativize(page) + " has an inline script that is not one of "
                                + "those Javadoc and TypeDoc write, which the site's policy would let run: " + text);
                    }
                    hashes.add("'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8))) + "'");
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(hashes);
    }

    private static String link(Path home, Path page, String fragment) {
        return home.relativize(page).toString().replace('\\', '/') + fragment;
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
