package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The header rules agree with the expressions of Spring Security's strict firewall on every code point. */
class HeaderCharactersTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void shouldAgreeWithTheFirewallsExpressionsOnEveryCodePoint() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (HeaderCharacters.isAllowedName(text) != NAME.matcher(text).matches()
                    || HeaderCharacters.isAllowedValue(text) != VALUE.matcher(text).matches()) {
                disagreements.add(Integer.toHexString(codePoint));
            }
        }

        assertThat(disagreements).isEmpty();
    }

    @Test
    void shouldRefuseControlCharactersButATabInAValue() {
        assertThat(HeaderCharacters.isAllowedValue("Bearer abc")).isTrue();
        assertThat(HeaderCharacters.isAllowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.isAllowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.isAllowedValue("a\nb")).isFalse();
        assertThat(HeaderCharacters.isAllowedValue("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.isAllowedValue("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.isAllowedValue("a\uD800b")).as("a lone surrogate is assigned").isTrue();
    }
}
