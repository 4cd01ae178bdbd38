package io.emailaccounts.client;

/**
 * A value as the API answered it, with the ETag that names its version.
 *
 * @param etag null when the answer had none (the hosted service may not send one)
 */
public record Versioned<T>(T value, String etag) {
}
