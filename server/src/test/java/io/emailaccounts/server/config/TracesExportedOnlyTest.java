package io.emailaccounts.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracesExportedOnlyTest {

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new TracesExportedOnly().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void shouldTurnOffTracingTheDatabaseSpansAndTheExemplarsWhileNothingIsExported() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isEqualTo(TracesExportedOnly.TRACING);
    }

    @Test
    void shouldLeaveBothToTheirLibrariesOnceAnEndpointIsSet() {
        StandardEnvironment environment = environment(Map.of(TracesExportedOnly.ENDPOINT, "http://collector:4318/v1/traces"));

        assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isNull();
        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
    }

    @Test
    void shouldLetTheOperatorTurnTheDatabaseSpansOnAndKeepTheOperatorsExclusions() {
        StandardEnvironment environment = environment(Map.of("jdbc.datasource-proxy.enabled", "true",
                "spring.autoconfigure.exclude", "com.example.Other"));

        assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isEqualTo("com.example.Other," + TracesExportedOnly.TRACING);
    }
}
