package io.emailaccounts.server.support.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test whose exchanges broke the contract (registered for every test of the module through
 * junit-platform.properties and META-INF/services).
 */
public class ConformanceExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = ContractConformance.instance().drain();
        assertThat(problems).as("HTTP exchanges of %s that do not conform to api/openapi.yaml", context.getDisplayName()).isEmpty();
    }
}
