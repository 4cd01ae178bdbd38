package io.emailaccounts.server.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.error.PropertyViolation;
import tools.jackson.databind.JsonNode;

class PropertyViolationTest {

    private static JsonNode arraysNested(int depth) {
        return RawHttp.json("[".repeat(depth) + "]".repeat(depth));
    }

    @Test
    void shouldEchoAValueNestedUpToTheLimit() {
        JsonNode deepest = arraysNested(PropertyViolation.MAX_ECHOED_DEPTH);

        assertThat(new PropertyViolation("DisplayName", deepest, "must be a string").attemptedValue()).isEqualTo(deepest);
    }

    @Test
    void shouldNotEchoAValueNestedDeeper() {
        JsonNode tooDeep = RawHttp.json("{\"a\": [1, " + arraysNested(PropertyViolation.MAX_ECHOED_DEPTH) + "]}");

        assertThat(new PropertyViolation("DisplayName", tooDeep, "must be a string").attemptedValue().isNull()).isTrue();
    }
}
