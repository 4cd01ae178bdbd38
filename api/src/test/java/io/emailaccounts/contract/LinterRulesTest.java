package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract is held to the linters' stock rules as a tool reading it would apply them: the project's rulesets extend
 * Spectral's {@code oas} and Redocly's {@code recommended-strict} and turn none of their rules off or down, so the file
 * passes them as they stand (its own rules only add to them).
 */
class LinterRulesTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void shouldExtendSpectralsOasRulesAndTurnNoneOff() {
        JsonNode spectral = YAML.readTree(Path.of(".spectral.yaml").toFile());

        assertThat(spectral.path("extends").toString()).contains("spectral:oas");
        assertThat(spectral.path("rules").properties()).allSatisfy(rule -> assertNotTurnedDown(".spectral.yaml", rule));
    }

    @Test
    void shouldExtendRedoclysStrictRulesAndTurnNoneOff() {
        JsonNode redocly = YAML.readTree(Path.of("redocly.yaml").toFile());

        assertThat(redocly.path("extends").toString()).contains("recommended-strict");
        assertThat(redocly.path("rules").properties()).allSatisfy(rule -> assertNotTurnedDown("redocly.yaml", rule));
    }

    private static void assertNotTurnedDown(String file, Map.Entry<String, JsonNode> rule) {
        JsonNode severity = rule.getValue().isObject() ? rule.getValue().path("severity") : rule.getValue();
        assertThat(severity.asString("error")).as("%s turns %s down", file, rule.getKey()).isNotIn("off", "warn", "info", "hint");
    }
}
