package io.emailaccounts.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the caller stands under a rate limit, read from an answer's {@code RateLimit} and {@code RateLimit-Policy}
 * fields (draft-ietf-httpapi-ratelimit-headers). This project's server sends them on every answer to a write its
 * limit counts and on every 429; the hosted service sends neither, and then every method here answers empty.
 *
 * <pre>{@code
 * ApiResponse<ActionResponse> answer = emailAccounts.updateEmailAccountWithHttpInfo(update, null);
 * RateLimitStatus.of(answer).ifPresent(limit -> {
 *     if (limit.remaining() < 10) {
 *         // slow down: limit.untilMore() until the next write comes back
 *     }
 * });
 * }</pre>
 *
 * A field that is not a valid Structured Fields list (RFC 9651) of the draft's items (a string naming the policy,
 * {@code r} a non-negative integer, {@code t} and {@code q} non-negative integers, {@code w} a positive one) is
 * ignored whole, as the draft asks.
 */
public record RateLimitStatus(String policy, long remaining, Optional<Duration> untilMore, OptionalLong quota,
                              Optional<Duration> window) {

    /** The limit's name, such as {@code writes}. */
    @Override
    public String policy() {
        return policy;
    }

    /** The requests left under the limit. */
    @Override
    public long remaining() {
        return remaining;
    }

    /**
     * The time until at least one more request is available (the field's {@code t}, as this project's server sends it),
     * when the answer says.
     */
    @Override
    public Optional<Duration> untilMore() {
        return untilMore;
    }

    /** The requests the limit allows per window, when the answer names its policy. */
    @Override
    public OptionalLong quota() {
        return quota;
    }

    /** The limit's window, when the answer gives it. */
    @Override
    public Optional<Duration> window() {
        return window;
    }

    /** The status an answer gives; empty when it has no {@code RateLimit} field (the hosted service's). */
    public static Optional<RateLimitStatus> of(ApiResponse<?> response) {
        return of(HttpHeaders.of(response.getHeaders(), (name, value) -> true));
    }

    /** The status a failed call's answer gives (a 429 of this project's server always has one). */
    public static Optional<RateLimitStatus> of(ApiException failure) {
        return failure.getResponseHeaders() == null ? Optional.empty() : of(failure.getResponseHeaders());
    }

    /**
     * The status these headers give: the first limit of {@code RateLimit}, with its quota and window from
     * {@code RateLimit-Policy} when that field is valid and names it. Empty when there is none, or it is not valid.
     */
    public static Optional<RateLimitStatus> of(HttpHeaders headers) {
        Optional<Item> limit = items(headers.allValues("RateLimit"))
                .filter(items -> items.stream().allMatch(item -> count(item, "r", true).isPresent()
                        && (!item.parameters().containsKey("t") || count(item, "t", true).isPresent())))
                .flatMap(items -> items.stream().findFirst());
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        Optional<Item> policy = items(headers.allValues("RateLimit-Policy"))
                .filter(items -> items.stream().allMatch(item -> count(item, "q", true).isPresent()
                        && (!item.parameters().containsKey("w") || count(item, "w", false).isPresent())))
                .flatMap(items -> items.stream().filter(item -> item.name().equals(limit.get().name())).findFirst());
        Item item = limit.get();
        return Optional.of(new RateLimitStatus(item.name(), count(item, "r", true).orElseThrow(),
                count(item, "t", true).map(Duration::ofSeconds),
                policy.flatMap(named -> count(named, "q", true)).map(OptionalLong::of).orElse(OptionalLong.empty()),
                policy.flatMap(named -> count(named, "w", false)).map(Duration::ofSeconds)));
    }

    /** The parameter as a count: a non-negative integer, or a positive one. */
    private static Optional<Long> count(Item item, String parameter, boolean zeroAllowed) {
        return item.parameters().get(parameter) instanceof Long value && (zeroAllowed ? value >= 0 : value > 0)
                ? Optional.of(value) : Optional.empty();
    }

    /** A member of a Structured Fields list whose item is a string (the policy's name), and its parameters. */
    private record Item(String name, Map<String, Object> parameters) {
    }

    /**
     * The field's lines as one Structured Fields list of string items; empty when a line is not valid, or a member is
     * not a string (an inner list, a token, a number).
     */
    private static Optional<List<Item>> items(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Item> items = new ArrayList<>();
            for (String line : lines) {
                items.addAll(new Parser(line).list());
            }
            return items.isEmpty() ? Optional.empty() : Optional.of(items);
        } catch (IllegalArgumentException notValid) {
            return Optional.empty();
        }
    }

    /** RFC 9651's parsing of a list, section 4.2, for members that are string items; IllegalArgumentException otherwise. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        List<Item> list() {
            List<Item> items = new ArrayList<>();
            skip(" ");
            while (at < text.length()) {
                if (!(bareItem() instanceof StringItem name)) {
                    throw new IllegalArgumentException("not a string item");
                }
                items.add(new Item(name.value(), parameters()));
                skip(" \t");
                if (at == text.length()) {
                    return items;
                }
                expect(',');
                skip(" \t");
                if (at == text.length()) {
                    throw new IllegalArgumentException("a trailing comma");
                }
            }
            return items;
        }

        private Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            while (at < text.length() && text.charAt(at) == ';') {
                at++;
                skip(" ");
                String key = key();
                Object value = Boolean.TRUE;
                if (at < text.length() && text.charAt(at) == '=') {
                    at++;
                    value = bareItem();
                }
                parameters.put(key, value instanceof StringItem string ? string.value() : value);
            }
            return parameters;
        }

        private String key() {
            int start = at;
            if (at < text.length() && (isLowerAlpha(text.charAt(at)) || text.charAt(at) == '*')) {
                at++;
                while (at < text.length() && (isLowerAlpha(text.charAt(at)) || isDigit(text.charAt(at))
                        || "_-.*".indexOf(text.charAt(at)) >= 0)) {
                    at++;
                }
            }
            if (at == start) {
                throw new IllegalArgumentException("a key");
            }
            return text.substring(start, at);
        }

        /** A string (as a StringItem), an integer (Long), a decimal (Double), a token or a byte sequence (String), a boolean. */
        private Object bareItem() {
            char first = at < text.length() ? text.charAt(at) : '\0';
            if (first == '"') {
                return string();
            }
            if (first == '-' || isDigit(first)) {
                return number();
            }
            if (first == ':') {
                int end = text.indexOf(':', at + 1);
                if (end < 0 || !text.substring(at + 1, end).matches("[A-Za-z0-9+/=]*")) {
                    throw new IllegalArgumentException("a byte sequence");
                }
                String base64 = text.substring(at + 1, end);
                at = end + 1;
                return base64;
            }
            if (first == '?') {
                if (at + 1 < text.length() && (text.charAt(at + 1) == '0' || text.charAt(at + 1) == '1')) {
                    at += 2;
                    return text.charAt(at - 1) == '1';
                }
                throw new IllegalArgumentException("a boolean");
            }
            if (first == '*' || (first < 128 && Character.isLetter(first))) {
                int start = at++;
                while (at < text.length() && (isTokenCharacter(text.charAt(at)) || text.charAt(at) == ':' || text.charAt(at) == '/')) {
                    at++;
                }
                return text.substring(start, at);
            }
            throw new IllegalArgumentException("an item");
        }

        private StringItem string() {
            StringBuilder value = new StringBuilder();
            for (at++; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '\\') {
                    char escaped = ++at < text.length() ? text.charAt(at) : '\0';
                    if (escaped != '"' && escaped != '\\') {
                        throw new IllegalArgumentException("an escape");
                    }
                    value.append(escaped);
                } else if (c == '"') {
                    at++;
                    return new StringItem(value.toString());
                } else if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("a character of a string");
                } else {
                    value.append(c);
                }
            }
            throw new IllegalArgumentException("an unterminated string");
        }

        private Object number() {
            int start = at;
            if (text.charAt(at) == '-') {
                at++;
            }
            int digits = at;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            if (at == digits || at - digits > 15) {
                throw new IllegalArgumentException("an integer");
            }
            if (at < text.length() && text.charAt(at) == '.') {
                int fraction = ++at;
                while (at < text.length() && isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == fraction || at - fraction > 3 || fraction - 1 - digits > 12) {
                    throw new IllegalArgumentException("a decimal");
                }
                return Double.parseDouble(text.substring(start, at));
            }
            return Long.parseLong(text.substring(start, at));
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("'" + c + "'");
            }
            at++;
        }

        private void skip(String characters) {
            while (at < text.length() && characters.indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private static boolean isLowerAlpha(char c) {
            return c >= 'a' && c <= 'z';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** RFC 9110's tchar. */
        private static boolean isTokenCharacter(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
        }
    }

    /** A string item, told apart from a token. */
    private record StringItem(String value) {
    }
}
