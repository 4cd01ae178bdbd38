package io.emailaccounts.server.emailaccount.search;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A time in a search filter, as the Nexudus docs write them: {@code YYYY-MM-DDTHH:mm}, with seconds and an offset
 * allowed; UTC when the offset is left out. A time given to the minute stands for that whole minute.
 */
record TimeBound(OffsetDateTime start, boolean wholeMinute) {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm")
            .optionalStart().appendLiteral(':').appendPattern("ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /** @throws RequestValidationException naming {@code parameter} when the value is not such a time */
    static TimeBound parse(String parameter, String value) {
        try {
            var parsed = FORMAT.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            OffsetDateTime time = parsed instanceof OffsetDateTime offset ? offset : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
            return new TimeBound(time, value.length() == 16 || value.charAt(16) != ':');
        } catch (DateTimeParseException e) {
            throw new RequestValidationException(new PropertyViolation(parameter, JsonNodeFactory.instance.stringNode(value),
                    "must be a date and time such as 2025-01-15T10:30 (seconds and an offset may be added)"));
        }
    }

    /** The first instant after this bound: the next minute for a whole minute. */
    OffsetDateTime end() {
        return start.plus(1, ChronoUnit.MINUTES);
    }
}
