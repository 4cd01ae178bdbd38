package io.emailaccounts.server.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refuses, before authentication and before any handler, a request for a path the server does not have (404) or with
 * a method its path does not take (405, with {@code Allow}): whoever asks, with or without credentials, gets the same
 * answer, and no rule of the security chain is left to decide what a method it does not know may do. HEAD is taken
 * wherever GET is; a CORS preflight goes on, to be answered by CORS when it is configured. It runs in the security
 * chain right after the security headers are written, so that its answers carry them too.
 */
class RouteFilter extends OncePerRequestFilter {

    private final Routes routes;
    private final HandlerExceptionResolver resolver;

    RouteFilter(Routes routes, HandlerExceptionResolver resolver) {
        this.routes = routes;
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Set<String>> methods = routes.methodsAt(request.getRequestURI());
        String method = request.getMethod();
        if (methods.isEmpty()) {
            resolver.resolveException(request, response, null,
                    new NoResourceFoundException(HttpMethod.valueOf(method), request.getRequestURI(), request.getRequestURI()));
        } else if (Routes.takes(methods.get(), method) || CorsUtils.isPreFlightRequest(request)) {
            chain.doFilter(request, response);
        } else {
            resolver.resolveException(request, response, null, new HttpRequestMethodNotSupportedException(method, methods.get()));
        }
    }
}
