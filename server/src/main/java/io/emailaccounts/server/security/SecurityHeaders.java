package io.emailaccounts.server.security;

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
    /** Strict-Transport-Security as Spring Security writes it over HTTPS: a year, subdomains included. */
    public static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {
    }
}
