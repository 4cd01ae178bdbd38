package io.emailaccounts.client;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How this client reads what a server sends: liberal in what it accepts, as the hosted service's answers and its other
 * clients need. What it sends is the model as it was filled, unchecked: the server checks it.
 * <ul>
 *     <li>A property the contract does not have is ignored.</li>
 *     <li>A value of an open enum ({@code x-open-enum}: a type of its own, such as {@code EmailServerType}) that the
 *     contract does not list is read as an unknown value that keeps what was sent (each such type's
 *     {@code isUnknown()} and {@code getValue()}). An enum of one property only (the OAuth answers'
 *     {@code TokenResponse.TokenTypeEnum} and {@code TokenError.ErrorEnum}) is read in any case, and is a closed set: a
 *     value it does not list fails the reading of its object.</li>
 *     <li>A date-time is read with or without an offset and with or without fractions of a second; one without an
 *     offset is UTC, as the contract says of date-time filters.</li>
 *     <li>{@code null} where the contract promises a value leaves the property null; the record is read.</li>
 * </ul>
 * Every client {@link NexudusClients} makes reads this way; {@link #objectMapper()} gives the same reading to an
 * {@code ApiClient} you build yourself.
 */
public final class TolerantReading {

    private TolerantReading() {
    }

    /** The generated client's JSON mapper, reading as described above. */
    public static ObjectMapper objectMapper() {
        return ApiClient.createDefaultObjectMapper().registerModule(module());
    }

    /** The Jackson module that reads date-times with or without an offset (register it after the Java time module). */
    public static Module module() {
        return new SimpleModule("EmailAccountsTolerantReading").addDeserializer(OffsetDateTime.class, new DateTimes());
    }

    /** Reads an ISO 8601 date-time; without an offset it is UTC. */
    static OffsetDateTime parseDateTime(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime withOffset ? withOffset : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    }

    private static final class DateTimes extends StdScalarDeserializer<OffsetDateTime> {

        DateTimes() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            String text = parser.getText();
            if (text.isBlank()) {
                return null;
            }
            try {
                return parseDateTime(text);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO 8601 date-time (such as 2025-01-15T10:30:00Z or 2025-01-15T10:30:00.123)");
            }
        }
    }
}
