package io.emailaccounts.server.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Traces are made only while they are sent: with no OTLP endpoint set
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}), a server pays nothing for them. Measured with the
 * benchmark against the version before traces, each part cost a request time for nothing while nothing was sent:
 * <ul>
 *     <li>tracing itself (Spring Boot's configuration of Micrometer Tracing and OpenTelemetry; its no-op tracer takes
 *     their place): a span per request, its scope and the trace's ids in the log's context, 5 to 13 % of a read or an
 *     update;</li>
 *     <li>the spans of the database calls (datasource-micrometer's proxy of the data source,
 *     {@code jdbc.datasource-proxy.enabled}), an observation per connection and per statement: a fifth of a read's
 *     time on the embedded database;</li>
 *     <li>Prometheus exemplars (the trace id of a sample beside its histogram bucket), which would name traces that
 *     are nowhere.</li>
 * </ul>
 * A request's id is then the caller's, or the trace id of the caller's {@code traceparent}, or a new one
 * ({@code RequestIds}).
 * The operator may still turn the proxy on ({@code jdbc.datasource-proxy.enabled=true}), which wins; exclusions of
 * the operator's own ({@code spring.autoconfigure.exclude}) are kept beside the exemplars'.
 */
public class TracesExportedOnly implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    /** Spring Boot's configurations of tracing, Prometheus exemplars included. */
    static final String TRACING = String.join(",",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("emailaccounts-traces-not-exported",
                Map.of("jdbc.datasource-proxy.enabled", "false")));
        // The exclusions are one list: the operator's, if any, and tracing's configurations.
        String excluded = environment.getProperty("spring.autoconfigure.exclude");
        environment.getPropertySources().addFirst(new MapPropertySource("emailaccounts-no-tracing", Map.of(
                "spring.autoconfigure.exclude", excluded == null || excluded.isBlank() ? TRACING : excluded + "," + TRACING)));
    }

    /** After the application's own configuration is read (its files, the command line, the environment). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
