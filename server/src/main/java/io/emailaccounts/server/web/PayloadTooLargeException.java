package io.emailaccounts.server.web;

/** A request body exceeded {@code emailaccounts.max-request-body-size}; answered 413 before anything is parsed. */
class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes.", null, false, false);
    }
}
