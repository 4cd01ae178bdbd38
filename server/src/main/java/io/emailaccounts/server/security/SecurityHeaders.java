package io.emailaccounts.server.security;

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
     * The reference and its console (/docs/): scripts from this server's files only, never inline or evaluated; inline
     * styles, which Redoc and Swagger UI write; Redoc's search in a worker made from a blob; nothing from elsewhere,
     * and the pages in no other site's frame.
     */
    public static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
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

    /** Writes them on an answer the security chain does not see (the firewall's refusals, Tomcat's own). */
    public static void writeOutsideTheChain(HttpServletRequest request, HttpServletResponse response) {
        OUTSIDE_THE_CHAIN.forEach(writer -> writer.writeHeaders(request, response));
    }
}
