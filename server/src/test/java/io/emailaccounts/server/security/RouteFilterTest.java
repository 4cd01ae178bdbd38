package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.emailaccounts.server.support.ExampleBodies;

/** What the route filter lets through, and what it hands to the failure handlers, decided from the contract. */
class RouteFilterTest {

    private final List<Exception> refused = new ArrayList<>();
    private final HandlerExceptionResolver resolver = (request, response, handler, failure) -> {
        refused.add(failure);
        return new ModelAndView();
    };
    /** CORS configured for the paths under /api/crm/ only. */
    private final CorsConfigurationSource cors = request ->
            request.getRequestURI().startsWith("/api/crm/") ? new CorsConfiguration().applyPermitDefaultValues() : null;
    private final RouteFilter filter = new RouteFilter(new Routes(ExampleBodies.CONTRACT), resolver, cors);

    @Test
    void shouldLetADeclaredMethodAndHeadThrough() throws Exception {
        assertThat(passes("GET", "/api/crm/emailaccounts/1")).isTrue();
        assertThat(passes("HEAD", "/api/crm/emailaccounts/1")).isTrue();
        assertThat(passes("POST", "/api/token")).isTrue();
        assertThat(refused).isEmpty();
    }

    @Test
    void shouldRefuseAMethodThePathDoesNotTakeWithItsMethods() throws Exception {
        assertThat(passes("OPTIONS", "/api/crm/emailaccounts/1")).isFalse();

        assertThat(refused).singleElement().isInstanceOfSatisfying(HttpRequestMethodNotSupportedException.class,
                failure -> assertThat(failure.getSupportedMethods()).containsExactlyInAnyOrder("DELETE", "GET"));
    }

    @Test
    void shouldRefuseAPathTheServerDoesNotHave() throws Exception {
        assertThat(passes("GET", "/actuator/env")).isFalse();
        assertThat(passes("GET", "/webjars/swagger-ui/index.html")).isFalse();

        assertThat(refused).hasSize(2).allSatisfy(failure -> assertThat(failure).isInstanceOf(NoResourceFoundException.class));
    }

    /** CORS, where configured, answers a preflight in the security chain: the filter does not take it for an OPTIONS. */
    @Test
    void shouldLetACorsPreflightThroughWhereCorsIsConfigured() throws Exception {
        assertThat(passes(preflight("/api/crm/emailaccounts/1"))).isTrue();
        assertThat(refused).isEmpty();
    }

    /** Elsewhere a preflight is the OPTIONS it is: refused with the path's methods. */
    @Test
    void shouldRefuseAPreflightWhereCorsIsNotConfigured() throws Exception {
        assertThat(passes(preflight("/api/token"))).isFalse();
        assertThat(passes(preflight("/actuator/health"))).isFalse();

        assertThat(refused).hasSize(2).allSatisfy(failure -> assertThat(failure).isInstanceOf(HttpRequestMethodNotSupportedException.class));
    }

    @Test
    void shouldServeTheHealthProbesAndNoOtherPartOfHealth() throws Exception {
        assertThat(passes("GET", "/actuator/health/liveness")).isTrue();
        assertThat(passes("GET", "/actuator/health/readiness")).isTrue();
        assertThat(passes("GET", "/actuator/health/db")).isFalse();
        assertThat(passes("GET", "/actuator/health/anything")).isFalse();
    }

    private static MockHttpServletRequest preflight(String path) {
        MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", path);
        preflight.addHeader("Origin", "https://app.example.com");
        preflight.addHeader("Access-Control-Request-Method", "POST");
        return preflight;
    }

    private boolean passes(String method, String path) throws Exception {
        return passes(new MockHttpServletRequest(method, path));
    }

    private boolean passes(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }
}
