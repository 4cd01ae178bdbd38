package io.emailaccounts.server.security;

/**
 * The firewall's rules for header names and values, as {@code StrictHttpFirewall} states them with regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values a tab besides), checked character by character: the
 * firewall checks every header each time it is read, several times a request, which with the expressions is a
 * measurable share of a request's time.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Every code point assigned and none a control character. */
    static boolean isAllowedName(String name) {
        return allAllowed(name, false);
    }

    /** Every code point assigned and none a control character but the tab. */
    static boolean isAllowedValue(String value) {
        return allAllowed(value, true);
    }

    private static boolean allAllowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint) && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
