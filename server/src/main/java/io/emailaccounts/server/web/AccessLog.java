package io.emailaccounts.server.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One structured line per request on the logger {@code io.emailaccounts.access} (INFO), as logfmt:
 * {@code method=PUT path=/api/crm/emailaccounts status=200 duration_ms=3.2 user=admin@example.com}. The path is the
 * operation's template ({@code /api/crm/emailaccounts/{id}}), never the request's own path and query, and nothing of
 * a body or a header is logged, so no secret can reach it. {@link #outermost()} times and logs every request, refused
 * ones included; {@link #userRecorder()}, inside the security filters, notes who was signed in.
 */
final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("io.emailaccounts.access");
    private static final String USER = AccessLog.class.getName() + ".user";

    private AccessLog() {
    }

    static OncePerRequestFilter outermost() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!log.isInfoEnabled()) {
                    chain.doFilter(request, response);
                    return;
                }
                long start = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                    Object user = request.getAttribute(USER);
                    log.info("method={} path={} status={} duration_ms={} user={}", request.getMethod(),
                            template == null ? "-" : template, response.getStatus(),
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6), user == null ? "-" : user);
                }
            }
        };
    }

    static OncePerRequestFilter userRecorder() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication user = SecurityContextHolder.getContext().getAuthentication();
                if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                    request.setAttribute(USER, user.getName());
                }
                chain.doFilter(request, response);
            }
        };
    }
}
