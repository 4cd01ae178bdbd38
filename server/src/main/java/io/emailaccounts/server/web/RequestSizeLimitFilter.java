package io.emailaccounts.server.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a request whose declared body is over {@code emailaccounts.max-request-body-size} with 413 before anything
 * else runs: no authentication, no parsing. Bodies sent without a length are counted as they are read
 * ({@link ContractRequestBodyAdvice}; forms by the container's post size limit).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final HandlerExceptionResolver resolver;

    RequestSizeLimitFilter(long maxBodyBytes, HandlerExceptionResolver resolver) {
        this.maxBodyBytes = maxBodyBytes;
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            resolver.resolveException(request, response, null, new PayloadTooLargeException(maxBodyBytes));
            return;
        }
        chain.doFilter(request, response);
    }
}
