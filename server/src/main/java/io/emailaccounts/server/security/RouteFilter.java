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
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refuses, before authentication and before any handler, a request for a path the server does not have (404) or with
 * a method its path does not take (405, with {@code Allow}): whoever asks, with or without credentials, gets the same
 * answer, and no rule of the security chain is left to decide what a method it does not know may do. HEAD is taken
 * wherever GET is. A CORS preflight from an allowed origin never gets here: {@link CrossOrigins}' filter, right
 * before, answers it. Any other goes on only where Spring MVC configures CORS for its path (a
 * {@link CorsConfigurationSource} answers for it); none does now, so it is the OPTIONS it is (405). A request it lets
 * through to one of the contract's operations is marked with its operationId ({@link Routes#OPERATION}). It runs in the
 * security chain right after the security headers are written and CORS, so that its answers carry them too.
 */
class RouteFilter extends OncePerRequestFilter {

    private final Routes routes;
    private final HandlerExceptionResolver resolver;
    private final CorsConfigurationSource cors;

    /** @param cors where CORS is configured: a configuration for a request CORS answers, null for any other */
    RouteFilter(Routes routes, HandlerExceptionResolver resolver, CorsConfigurationSource cors) {
        this.routes = routes;
        this.resolver = resolver;
        this.cors = cors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Set<String>> methods = routes.methodsAt(request.getRequestURI());
        String method = request.getMethod();
        if (methods.isEmpty()) {
            resolver.resolveException(request, response, null,
                    new NoResourceFoundException(HttpMethod.valueOf(method), request.getRequestURI(), request.getRequestURI()));
        } else if (Routes.takes(methods.get(), method)
                || (CorsUtils.isPreFlightRequest(request) && cors.getCorsConfiguration(request) != null)) {
            routes.operationAt(request.getRequestURI(), method)
                    .ifPresent(operationId -> request.setAttribute(Routes.OPERATION, operationId));
            chain.doFilter(request, response);
        } else {
            resolver.resolveException(request, response, null, new HttpRequestMethodNotSupportedException(method, methods.get()));
        }
    }
}
