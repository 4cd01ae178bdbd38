package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
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
    private final RouteFilter filter = new RouteFilter(new Routes(ExampleBodies.CONTRACT), resolver);

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

    /** CORS, when configured, answers a preflight in the security chain: the filter does not take it for an OPTIONS. */
    @Test
    void shouldLetACorsPreflightThrough() throws Exception {
        MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", "/api/crm/emailaccounts/1");
        preflight.addHeader("Origin", "https://app.example.com");
        preflight.addHeader("Access-Control-Request-Method", "GET");

        assertThat(passes(preflight)).isTrue();
        assertThat(refused).isEmpty();
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
