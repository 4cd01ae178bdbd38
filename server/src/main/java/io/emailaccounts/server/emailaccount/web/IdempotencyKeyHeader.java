package io.emailaccounts.server.emailaccount.web;

import java.util.List;
import java.util.Optional;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;

/**
 * The {@code Idempotency-Key} request header: as draft-ietf-httpapi-idempotency-key-header writes it, a Structured
 * Field string ({@code "8e03978e-..."}, with {@code \"} and {@code \\} escapes), or bare, as most clients send it.
 * The key is printable ASCII, 1 to as many characters as the contract's {@code maxLength} of the header allows, not
 * counting the quotes (a bare key has no spaces).
 */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    /** The quotes of a Structured Field string: the contract's {@code maxLength} counts them, the key does not. */
    private static final int QUOTES = 2;

    private final int maxLength;
    private final String rule;

    private IdempotencyKeyHeader(int maxLength) {
        this.maxLength = maxLength;
        this.rule = "must be 1 to " + maxLength + " printable ASCII characters, bare or in double quotes";
    }

    /** The header as the contract declares it (the first operation that takes it, as every one takes the same). */
    static IdempotencyKeyHeader of(ApiContract contract) {
        int headerLength = contract.operations().stream().flatMap(operation -> operation.parameter(NAME).stream())
                .map(parameter -> contract.resolve(parameter.path("schema")).path("maxLength").asInt(0))
                .filter(length -> length > QUOTES).findFirst()
                .orElseThrow(() -> new IllegalStateException("The contract gives the " + NAME + " header no maxLength"));
        return new IdempotencyKeyHeader(headerLength - QUOTES);
    }

    /**
     * @param header the header as sent; null when absent
     * @return the key, unquoted; empty when no key was sent
     * @throws RequestValidationException naming the header (the value is not echoed) when it is not a key
     */
    Optional<String> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        String key = value.startsWith("\"") ? unquoted(value) : bare(value);
        if (key == null || key.isEmpty() || key.length() > maxLength) {
            throw new RequestValidationException(List.of(new PropertyViolation(NAME, null, rule)));
        }
        return Optional.of(key);
    }

    /** The characters of an sf-string between its quotes, its escapes undone; null when it is not one. */
    private static String unquoted(String value) {
        if (value.length() < 2 || !value.endsWith("\"")) {
            return null;
        }
        StringBuilder key = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (++i == value.length() - 1 || (value.charAt(i) != '"' && value.charAt(i) != '\\')) {
                    return null;
                }
                c = value.charAt(i);
            } else if (c == '"' || c < 0x20 || c > 0x7E) {
                return null;
            }
            key.append(c);
        }
        return key.toString();
    }

    private static String bare(String value) {
        return value.chars().allMatch(c -> c > 0x20 && c <= 0x7E && c != '"') ? value : null;
    }
}
