package io.emailaccounts.server.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What only exported traces are for stays off while no OTLP endpoint is set
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}), so that a server that exports nothing pays for
 * nothing but the request's own span (which gives its id to {@code Request-Id} and the logs):
 * <ul>
 *     <li>the spans of the database calls (datasource-micrometer's proxy of the data source,
 *     {@code jdbc.datasource-proxy.enabled}), an observation per connection and per statement, which cost more than
 *     a fifth of a read's time on the embedded database;</li>
 *     <li>Prometheus exemplars (the trace id of a sample beside its histogram bucket), which would name traces that
 *     are nowhere.</li>
 * </ul>
 * The operator may still turn the proxy on ({@code jdbc.datasource-proxy.enabled=true}), which wins; exclusions of
 * the operator's own ({@code spring.autoconfigure.exclude}) are kept beside the exemplars'.
 */
public class TracesExportedOnly implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String EXEMPLARS = "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("emailaccounts-traces-not-exported",
                Map.of("jdbc.datasource-proxy.enabled", "false")));
        // The exclusions are one list: the operator's, if any, and the exemplars' configuration.
        String excluded = environment.getProperty("spring.autoconfigure.exclude");
        environment.getPropertySources().addFirst(new MapPropertySource("emailaccounts-no-exemplars", Map.of(
                "spring.autoconfigure.exclude", excluded == null || excluded.isBlank() ? EXEMPLARS : excluded + "," + EXEMPLARS)));
    }

    /** After the application's own configuration is read (its files, the command line, the environment). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
