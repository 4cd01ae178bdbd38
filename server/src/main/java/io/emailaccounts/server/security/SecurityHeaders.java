package io.emailaccounts.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The policies of the security headers, for the security chain (every answer of the application) and for the answers
 * given outside it (the firewall's refusals, Tomcat's own in EnvelopeErrorReportValve).
 */
public final class SecurityHeaders {

    /**
     * The site (/docs/: the reference, the guides' pages, the console): scripts from this server's files only, never
     * inline or evaluated; inline styles, which Redoc and Swagger UI write; Redoc's search in a worker made from a blob;
     * nothing from elsewhere, and the pages in no other site's frame.
     */
    public static final String DOCS_POLICY = docsPolicy("");
    /**
     * The clients' references (/docs/clients/: Javadoc, TypeDoc): as the rest of /docs/, and their few inline scripts,
     * each allowed by its hash, which the site's build lists after checking each is one Javadoc or TypeDoc writes.
     */
    public static final String CLIENT_REFERENCES_POLICY = docsPolicy(inlineScriptsOfTheClientReferences());
    /** The site's list of the hashes of those inline scripts (the docs module writes it; none without it). */
    private static final String INLINE_SCRIPT_HASHES = "META-INF/resources/docs/clients/inline-script-hashes.txt";
    /** Everything else is JSON (or a metric, a health): nothing in it may load or run anything, nor be framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The headers the security chain writes on the API's answers, for an answer given outside it: nosniff, frame
     * denial, no caching, the API's policy, and Strict-Transport-Security over HTTPS.
     */
    private static final List<HeaderWriter> OUTSIDE_THE_CHAIN = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new StaticHeadersWriter("Content-Security-Policy", API_POLICY));

    private SecurityHeaders() {
    }

    private static String docsPolicy(String inlineScripts) {
        return "default-src 'self'; script-src 'self'" + inlineScripts + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String inlineScriptsOfTheClientReferences() {
        try (InputStream hashes = SecurityHeaders.class.getClassLoader().getResourceAsStream(INLINE_SCRIPT_HASHES)) {
            if (hashes == null) {
                return "";
            }
            StringBuilder sources = new StringBuilder();
            for (String line : new String(hashes.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.matches("'sha256-[A-Za-z0-9+/]{43}='")) {
                    throw new IllegalStateException(INLINE_SCRIPT_HASHES + " holds something other than a SHA-256 hash: " + line);
                }
                sources.append(' ').append(line);
            }
            return sources.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes them on an answer the security chain does not see (the firewall's refusals, Tomcat's own). */
    public static void writeOutsideTheChain(HttpServletRequest request, HttpServletResponse response) {
        OUTSIDE_THE_CHAIN.forEach(writer -> writer.writeHeaders(request, response));
    }
}
