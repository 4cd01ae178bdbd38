package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.security.Routes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Each request to an operation counted against the objectives: good, slow (over its kind's bound) or failed (5xx). */
class ServiceLevelsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shouldPublishTheObjectives() {
        ServiceLevels.register(new EmailAccountsProperties.Objectives(0.995, Duration.ofDays(28), 0.9,
                Duration.ofMillis(80), Duration.ofMillis(300)), meters);

        assertThat(meters.get("emailaccounts.objective.ratio").tag("objective", "availability").gauge().value()).isEqualTo(0.995);
        assertThat(meters.get("emailaccounts.objective.ratio").tag("objective", "latency").gauge().value()).isEqualTo(0.9);
        assertThat(meters.get("emailaccounts.objective.window").gauge().value()).isEqualTo(28 * 86400.0);
        assertThat(meters.get("emailaccounts.objective.latency").tag("kind", "read").gauge().value()).isEqualTo(0.08);
        assertThat(meters.get("emailaccounts.objective.latency").tag("kind", "write").gauge().value()).isEqualTo(0.3);
    }

    @Test
    void shouldCountReadsAndWritesByOutcome() throws Exception {
        ServiceLevels.Meter meter = ServiceLevels.register(objectives(Duration.ofSeconds(10), Duration.ofNanos(1)), meters);

        send(meter, "GET", "getEmailAccount", 200);
        send(meter, "HEAD", "getEmailAccount", 404);
        send(meter, "GET", "searchEmailAccounts", 503);
        send(meter, "PUT", "updateEmailAccount", 200);
        send(meter, "POST", "createToken", 500);
        send(meter, "GET", null, 404);

        assertThat(count("read", "good")).as("a read within its bound, a 4xx included").isEqualTo(2);
        assertThat(count("read", "failed")).isEqualTo(1);
        assertThat(count("write", "slow")).as("a write over its bound of 1 ns").isEqualTo(1);
        assertThat(count("write", "failed")).as("a 5xx is failed, however quick").isEqualTo(1);
        assertThat(count("read", "slow") + count("write", "good")).isZero();
    }

    @Test
    void shouldCountAFailureThatEscapesTheFiltersAsTheContainersFiveHundred() {
        ServiceLevels.Meter meter = ServiceLevels.register(objectives(Duration.ofSeconds(10), Duration.ofSeconds(10)), meters);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/crm/emailaccounts/1");
        request.setAttribute(Routes.OPERATION, "getEmailAccount");

        assertThatThrownBy(() -> meter.doFilter(request, new MockHttpServletResponse(), (req, resp) -> {
            throw new IllegalStateException("a filter failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count("read", "failed")).isEqualTo(1);
        assertThat(count("read", "good")).isZero();
    }

    private void send(ServiceLevels.Meter meter, String method, String operation, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/crm/emailaccounts");
        if (operation != null) {
            request.setAttribute(Routes.OPERATION, operation);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        meter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                resp.setStatus(status);
            }
        }));
    }

    private double count(String kind, String outcome) {
        return meters.get(ServiceLevels.REQUESTS).tag("kind", kind).tag("outcome", outcome).counter().count();
    }

    private static EmailAccountsProperties.Objectives objectives(Duration read, Duration write) {
        return new EmailAccountsProperties.Objectives(0.999, Duration.ofDays(30), 0.99, read, write);
    }
}
