package io.emailaccounts.server.security;

/** A browser's request, or its preflight, from a page of an origin the server does not allow, or with a method or headers it does not (CORS); answered 403. */
public class CrossOriginRefusedException extends RuntimeException {

    CrossOriginRefusedException() {
        super("This request may not be made from a page of this origin: the server does not allow its origin, method or headers (CORS).", null, false, false);
    }
}
