package io.emailaccounts.server.emailaccount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One property of an EmailAccount, typed: its values are {@code T}s. Each is a constant of
 * {@link EmailAccountProperties}, which the build generates from the contract (tests make others, for the start-up
 * checks). Used as
 * jOOQ uses its generated table fields: a typed key to a record's values ({@link EmailAccountRecord#value}), and the
 * column the SQL names.
 *
 * @param name      the JSON name, as the contract spells it ({@code DisplayName})
 * @param javaType  the Java type its values have in the server; an enum's is the type of its wire values
 * @param column    the column of the record's table that stores it (the name in snake_case); null when it is not
 *                  stored but derived ({@code x-same-as}, {@code x-constant})
 * @param writable  whether a create or an update sets it (a property of {@code EmailAccountFields})
 * @param required  whether every write must give it
 * @param secret    whether it is write-only: stored encrypted, never read back
 * @param sameAs    for a derived property, the property whose value it answers ({@code x-same-as}); else null
 * @param constant  for a derived property, the value it always has ({@code x-constant}); else null
 * @param unsetValue for a writable property that is never null ({@code x-unset-value}), the value stored when a
 *                   create leaves it out or a write sends null; else null
 * @param maxLength the most characters a text value may have ({@code maxLength}); null when the contract sets no bound
 */
public record EmailAccountField<T>(String name, Class<T> javaType, String column, boolean writable, boolean required,
                                   boolean secret, String sameAs, T constant, T unsetValue, Integer maxLength) {

    /**
     * A writable property, as the generated code declares it (the contract's values as text, empty where it gives none).
     */
    static <T> EmailAccountField<T> writable(String name, Class<T> javaType, String column, boolean required, boolean secret,
                                             String unsetValue, String maxLength) {
        return new EmailAccountField<>(name, javaType, column, true, required, secret, null, null,
                parse(javaType, unsetValue), maxLength.isEmpty() ? null : Integer.valueOf(maxLength));
    }

    /**
     * A read-only property; one that the contract derives ({@code x-same-as}, {@code x-constant}) is not stored.
     *
     * @param column null for a derived property
     */
    static <T> EmailAccountField<T> readOnly(String name, Class<T> javaType, String column, String sameAs, String constant) {
        if ((column == null) == (sameAs.isEmpty() && constant.isEmpty())) {
            throw new IllegalArgumentException(name + ": a property has a column exactly when it is not derived");
        }
        return new EmailAccountField<>(name, javaType, column, false, false, false,
                sameAs.isEmpty() ? null : sameAs, parse(javaType, constant), null, null);
    }

    public boolean stored() {
        return column != null;
    }

    /** Whether a search can be ordered by it (a value of the contract's order enum, generated in {@link EmailAccountProperties#ORDERABLE}). */
    public boolean orderable() {
        return EmailAccountProperties.ORDERABLE.contains(this);
    }

    /** Whether a search can filter on it (a filter of the contract names it; generated in {@link EmailAccountProperties#FILTERABLE}). */
    public boolean filterable() {
        return EmailAccountProperties.FILTERABLE.contains(this);
    }

    /** The kind of value it holds. */
    public ValueType type() {
        return ValueType.of(javaType);
    }

    /** A value of this property from its text (a value the contract gives, such as its example); null for empty text. */
    public T parse(String text) {
        return parse(javaType, text);
    }

    /** One instance per property: compared by identity, cheap as a map key. */
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

    private static <T> T parse(Class<T> javaType, String text) {
        return text == null || text.isEmpty() ? null : javaType.cast(ValueType.of(javaType).parse(text));
    }

    /** The kinds of value a property can hold. */
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

        static ValueType of(Class<?> javaType) {
            for (ValueType type : values()) {
                if (type.javaType == javaType) {
                    return type;
                }
            }
            throw new IllegalArgumentException("no stored type for values of " + javaType.getName());
        }

        /** A value of this type from its text. */
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
