package io.emailaccounts.server.support.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every exchange on an /api path and hands it to {@link ContractConformance}, and holds each answer to
 * carrying its {@code Request-Id}; installed in tests only.
 */
class ConformanceFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper cachingRequest = new ContentCachingRequestWrapper(request, 1 << 20);
        ContentCachingResponseWrapper cachingResponse = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(cachingRequest, cachingResponse);
        } finally {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            for (String name : cachingResponse.getHeaderNames()) {
                responseHeaders.put(name, List.copyOf(cachingResponse.getHeaders(name)));
            }
            ContractConformance.instance().check(new ContractConformance.Exchange(request.getMethod(),
                    request.getRequestURI(), request.getQueryString(), headers,
                    new String(cachingRequest.getContentAsByteArray(), StandardCharsets.UTF_8),
                    cachingResponse.getStatus(), cachingResponse.getContentType(), responseHeaders,
                    new String(cachingResponse.getContentAsByteArray(), StandardCharsets.UTF_8)));
            if (cachingResponse.getHeader("Request-Id") == null) {
                ContractConformance.instance().record(request.getMethod() + " " + request.getRequestURI() + " -> "
                        + cachingResponse.getStatus() + ": no Request-Id (every answer names its request)");
            }
            cachingResponse.copyBodyToResponse();
        }
    }
}
