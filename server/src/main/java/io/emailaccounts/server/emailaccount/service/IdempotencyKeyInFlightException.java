package io.emailaccounts.server.emailaccount.service;

/** A create with this {@code Idempotency-Key} is still being processed; nothing was done. */
public class IdempotencyKeyInFlightException extends RuntimeException {

    public IdempotencyKeyInFlightException() {
        super("a request with this key is still being processed; send it again after the Retry-After delay.", null, false, false);
    }
}
