package io.emailaccounts.server.emailaccount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One property of an EmailAccount as the contract declares it, and where its value comes from. Built by
 * {@link EmailAccountSchema}; nothing else lists the fields.
 *
 * @param name     the JSON name, as the contract spells it ({@code DisplayName})
 * @param type     the Java type its values have in the server
 * @param column   the column of {@code email_account} that stores it (the name in snake_case); null when it is not
 *                 stored but derived ({@code x-same-as}, {@code x-constant})
 * @param writable whether a create or an update sets it (a property of {@code EmailAccountFields})
 * @param required whether every write must give it
 * @param secret   whether it is write-only: stored encrypted, never read back
 * @param sameAs   for a derived property, the property whose value it answers ({@code x-same-as}); else null
 * @param constant for a derived property, the value it always has ({@code x-constant}); else null
 * @param example  the contract's example value; null when it gives none
 * @param unsetValue for a writable property that is never null ({@code x-unset-value}), the value stored when a
 *                 create leaves it out or a write sends null; else null
 * @param maxLength the most characters a text value may have ({@code maxLength}); null when the contract sets no bound
 */
public record EmailAccountField(String name, ValueType type, String column, boolean writable, boolean required,
                                boolean secret, String sameAs, Object constant, Object example, Object unsetValue,
                                Integer maxLength) {

    public boolean stored() {
        return column != null;
    }

    /** One instance per property of the contract the server reads: compared by identity, cheap as a map key. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The kinds of value a property can hold, from its schema's type and format. */
    public enum ValueType {
        STRING(String.class),
        INTEGER(Integer.class),
        LONG(Long.class),
        DECIMAL(BigDecimal.class),
        BOOLEAN(Boolean.class),
        DATE(LocalDate.class),
        DATE_TIME(OffsetDateTime.class),
        UUID(java.util.UUID.class);

        private final Class<?> javaType;

        ValueType(Class<?> javaType) {
            this.javaType = javaType;
        }

        public Class<?> javaType() {
            return javaType;
        }

        /** The type of a schema ({@code type} and {@code format}, references already followed). */
        static ValueType of(String type, String format) {
            return switch (type) {
                case "integer" -> "int32".equals(format) ? INTEGER : LONG;
                case "number" -> DECIMAL;
                case "boolean" -> BOOLEAN;
                case "string" -> switch (format) {
                    case "date" -> DATE;
                    case "date-time" -> DATE_TIME;
                    case "uuid" -> UUID;
                    default -> STRING;
                };
                default -> throw new IllegalArgumentException("no stored type for a schema of type '" + type + "'");
            };
        }

        /** A value of this type from its text (a query parameter the contract has checked). */
        public Object parse(String text) {
            return switch (this) {
                case STRING -> text;
                case INTEGER -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DECIMAL -> new BigDecimal(text);
                case BOOLEAN -> Boolean.valueOf(text);
                case DATE -> LocalDate.parse(text);
                case DATE_TIME -> OffsetDateTime.parse(text);
                case UUID -> java.util.UUID.fromString(text);
            };
        }
    }
}
