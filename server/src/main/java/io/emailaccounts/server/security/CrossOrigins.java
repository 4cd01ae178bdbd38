package io.emailaccounts.server.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import io.emailaccounts.contract.ApiContract;
import tools.jackson.databind.JsonNode;

/**
 * CORS, for browser apps served from other origins ({@code emailaccounts.cors.allowed-origins}; none by default), for
 * every path of the contract, the token endpoint's among them, with what the contract says a browser needs:
 * <ul>
 *     <li>the methods of the path's operations (and HEAD, taken wherever GET is);</li>
 *     <li>the request headers its operations take: {@code Authorization} (its security schemes), {@code Content-Type}
 *     (its request bodies), its header parameters ({@code If-Match}, {@code If-None-Match}, {@code Idempotency-Key}),
 *     and {@code Prefer}, which its descriptions offer without declaring it as a parameter (declaring it would add a
 *     parameter to every generated method that takes a body), as they offer {@code X-Request-Id} and
 *     {@code traceparent} (the request's id, {@code Request-Id}, is made of either);</li>
 *     <li>every response header it declares exposed to the page ({@code ETag}, {@code Retry-After},
 *     {@code Idempotent-Replayed}, {@code RateLimit}, ...), which a browser hides from a script of another origin
 *     otherwise.</li>
 * </ul>
 * Its filter runs in the security chain right before the route filter, before authentication: a preflight is answered
 * there (200 with the allowed methods and headers, or 403 in the envelope for an origin, method or header not allowed),
 * and an actual request from an origin not allowed, or with a method its path does not take, is refused with the same
 * 403 before its credentials are checked; an allowed one's answers carry what the browser needs to read them. Only the
 * contract's paths have CORS; the actuator's and the reference's have none. Nothing is allowed with cookies: the
 * API signs nobody in with them.
 */
final class CrossOrigins {

    /** How long a browser may keep a preflight's answer. */
    static final Duration PREFLIGHT_MAX_AGE = Duration.ofHours(1);

    private final CorsConfigurationSource source;

    /** The contract's CORS for these origins; none when there is none. */
    CrossOrigins(ApiContract contract, List<String> allowedOrigins) {
        if (allowedOrigins.isEmpty()) {
            this.source = request -> null;
            return;
        }
        Map<String, Set<String>> methodsByPath = new TreeMap<>();
        Set<String> requestHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> responseHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        requestHeaders.add("Prefer");
        // A caller's own id for its request, and its W3C trace: the server's Request-Id is made of either.
        requestHeaders.add("X-Request-Id");
        requestHeaders.add("traceparent");
        for (ApiContract.Operation operation : contract.operations()) {
            Set<String> methods = methodsByPath.computeIfAbsent(operation.path(), path -> new TreeSet<>());
            methods.add(operation.method());
            if (operation.method().equals("GET")) {
                methods.add("HEAD");
            }
            if (!operation.anonymous()) {
                requestHeaders.add(HttpHeaders.AUTHORIZATION);
            }
            if (operation.node().has("requestBody")) {
                requestHeaders.add(HttpHeaders.CONTENT_TYPE);
            }
            operation.parameters().stream().filter(parameter -> parameter.path("in").asString().equals("header"))
                    .forEach(parameter -> requestHeaders.add(parameter.path("name").asString()));
            for (JsonNode response : operation.node().path("responses")) {
                contract.resolve(response).path("headers").propertyNames().forEach(responseHeaders::add);
            }
        }
        UrlBasedCorsConfigurationSource byPath = new UrlBasedCorsConfigurationSource();
        methodsByPath.forEach((path, methods) -> {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(allowedOrigins.stream().map(origin -> origin.toLowerCase(Locale.ROOT)).toList());
            configuration.setAllowedMethods(List.copyOf(methods));
            configuration.setAllowedHeaders(List.copyOf(requestHeaders));
            configuration.setExposedHeaders(List.copyOf(responseHeaders));
            configuration.setAllowCredentials(false);
            configuration.setMaxAge(PREFLIGHT_MAX_AGE);
            byPath.registerCorsConfiguration(path, configuration);
        });
        this.source = byPath;
    }

    /** The filter that answers preflights and refuses other origins (see the class). */
    OncePerRequestFilter filter(HandlerExceptionResolver resolver) {
        return new Filter(resolver);
    }

    /**
     * Answers a cross-origin request to a path CORS is configured for: a preflight allowed (200, with what may be sent)
     * or refused (403 in the envelope), an actual request refused the same way or marked allowed and passed on. Any
     * other request (no {@code Origin}, the server's own origin, a path without CORS) passes untouched; a preflight of
     * the server's own origin then meets the route filter as the OPTIONS it is (405).
     */
    private final class Filter extends OncePerRequestFilter {

        private final HandlerExceptionResolver resolver;
        /** Spring's checks of origin, method and headers; its refusal is the envelope, answered by the filter. */
        private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) {
            }
        };

        Filter(HandlerExceptionResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CorsConfiguration configuration = request.getHeader(HttpHeaders.ORIGIN) == null ? null : source.getCorsConfiguration(request);
            if (configuration == null || isSameOrigin(request)) {
                chain.doFilter(request, response);
            } else if (!processor.processRequest(configuration, request, response)) {
                resolver.resolveException(request, response, null, new CrossOriginRefusedException());
            } else if (!CorsUtils.isPreFlightRequest(request)) {
                chain.doFilter(request, response);
            }
        }

        /** Whether the Origin is the server's own; an Origin that is not a URL is not, and is refused as another. */
        private static boolean isSameOrigin(HttpServletRequest request) {
            try {
                return !CorsUtils.isCorsRequest(request);
            } catch (IllegalArgumentException notAnOrigin) {
                return false;
            }
        }
    }
}
