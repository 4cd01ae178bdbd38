package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate: api/openapi.yaml must not break clients of the last released contract, the newest
 * api/released/VERSION.yaml. A deliberate break is released by raising the major version in info.version and copying
 * api/openapi.yaml to api/released/NEW-VERSION.yaml, in the same change.
 */
class ReleasedContractTest {

    private static final String HOW_TO_BREAK_DELIBERATELY = """

            To release this break deliberately: raise the major version in info.version of api/openapi.yaml \
            (for example 1.4.0 -> 2.0.0) and copy api/openapi.yaml to api/released/2.0.0.yaml, in the same change.""";

    @Test
    void shouldNotBreakClientsOfTheReleasedContract() {
        ContractCompatibility.Verdict verdict = ContractCompatibility.compare(
                ContractCompatibility.read(GatedContracts.RELEASED), ContractCompatibility.read(GatedContracts.WORKING));

        assertThat(verdict.breaking())
                .as("api/openapi.yaml breaks clients of %s:%n%s%s", GatedContracts.RELEASED, verdict.changes(), HOW_TO_BREAK_DELIBERATELY)
                .isFalse();
    }

    @Test
    void shouldKeepTheMajorVersionOfTheReleasedContract() {
        int[] released = version(ContractCompatibility.read(GatedContracts.RELEASED));
        int[] working = version(ContractCompatibility.read(GatedContracts.WORKING));

        assertThat(working[0])
                .as("info.version of api/openapi.yaml has a new major version: copy api/openapi.yaml to "
                        + "api/released/NEW-VERSION.yaml to release it")
                .isEqualTo(released[0]);
        assertThat(working[1] * 1_000_000L + working[2])
                .as("info.version of api/openapi.yaml must not be lower than the released one")
                .isGreaterThanOrEqualTo(released[1] * 1_000_000L + released[2]);
    }

    private static int[] version(String contract) {
        Matcher matcher = Pattern.compile("(?m)^  version: '?(\\d+)\\.(\\d+)\\.(\\d+)'?$").matcher(contract);
        assertThat(matcher.find()).as("info.version in semver form").isTrue();
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))};
    }
}
