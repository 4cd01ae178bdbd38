package io.emailaccounts.server.security;

/** Names of granted authorities beyond the Nexudus roles (which are used as they are, e.g. {@code EmailAccount-Edit}). */
public final class Authorities {

    /** A full unrestricted administrator: may call every operation. */
    public static final String FULL_ADMINISTRATOR = "FullUnrestrictedAdministrator";

    private Authorities() {
    }
}
