package io.emailaccounts.client;

/** A value as the API answered it, with the ETag that names its version. */
public record Versioned<T>(T value, String etag) {

    /** The value as the API answered it. */
    @Override
    public T value() {
        return value;
    }

    /** The ETag that names the value's version; null when the answer had none (the hosted service may not send one). */
    @Override
    public String etag() {
        return etag;
    }
}
