package io.emailaccounts.server.emailaccount.service;

import java.util.function.Consumer;

/**
 * What a write does to one optional field: leave the stored value alone, or replace it (with {@code null} to clear it).
 * Keeping "absent" apart from "null" is what lets a partial update leave untouched fields as they are.
 */
public final class FieldChange<T> {

    private static final FieldChange<?> KEEP = new FieldChange<>(false, null);

    private final boolean replaces;
    private final T value;

    private FieldChange(boolean replaces, T value) {
        this.replaces = replaces;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> FieldChange<T> keep() {
        return (FieldChange<T>) KEEP;
    }

    /** Replaces the stored value; {@code null} clears it. */
    public static <T> FieldChange<T> replaceWith(T value) {
        return new FieldChange<>(true, value);
    }

    /** Runs {@code action} with the new value when this change replaces the stored one. */
    public void ifReplaces(Consumer<? super T> action) {
        if (replaces) {
            action.accept(value);
        }
    }

    @Override
    public String toString() {
        return replaces ? "replaceWith(…)" : "keep()";
    }
}
