package io.emailaccounts.contract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A query parameter of a search that filters on a property of the record, by the contract's naming rule:
 * {@code EmailAccount_<Property>} keeps records whose property equals the value, {@code from_EmailAccount_<Property>}
 * and {@code to_EmailAccount_<Property>} those within an inclusive range. A parameter whose {@code <Property>} is not
 * the property's own name names its property with {@code x-property} (as {@code EmailAccount_Business} does for
 * {@code BusinessId}).
 *
 * @param parameter the query parameter's name
 * @param property  the property of the record it filters on
 * @param bound     how it compares
 */
public record SearchFilter(String parameter, String property, Bound bound) {

    /** {@code x-property}: the property a filter is for, when its name does not say it. */
    public static final String PROPERTY = "x-property";

    /** How a filter compares a record's property with its value. */
    public enum Bound { EQUAL, FROM, TO }

    private static final String RECORD_PREFIX = "EmailAccount_";
    private static final String FROM = "from_";
    private static final String TO = "to_";
    private static final Pattern NAME = Pattern.compile("(" + FROM + "|" + TO + ")?" + RECORD_PREFIX + "(\\w+)");
    private static final List<String> PREFIXES = List.of(RECORD_PREFIX, FROM, TO);

    /**
     * Whether a query parameter's name has the shape of a filter, declared or not: an undeclared one is refused, so
     * that a misspelt filter never widens a result unnoticed.
     */
    public static boolean hasFilterShape(String parameterName) {
        return PREFIXES.stream().anyMatch(parameterName::startsWith);
    }

    /** The filter a parameter of the contract (references followed) is, if its name has a filter's form. */
    public static Optional<SearchFilter> of(JsonNode parameter) {
        String name = parameter.path("name").asString();
        Matcher matcher = NAME.matcher(name);
        if (!"query".equals(parameter.path("in").asString()) || !matcher.matches()) {
            return Optional.empty();
        }
        Bound bound = matcher.group(1) == null ? Bound.EQUAL : matcher.group(1).equals(FROM) ? Bound.FROM : Bound.TO;
        return Optional.of(new SearchFilter(name, parameter.path(PROPERTY).asString(matcher.group(2)), bound));
    }
}
