package io.emailaccounts.server.security;

/** Names of granted authorities beyond the Nexudus roles (which are used as they are, e.g. {@code EmailAccount-Edit}). */
final class Authorities {

    /** A full unrestricted administrator: may call every operation, on every business. */
    public static final String FULL_ADMINISTRATOR = "FullUnrestrictedAdministrator";

    /** Prefix of the authorities that limit a user to businesses: {@code Business:1001}. None means every business. */
    public static final String BUSINESS_PREFIX = "Business:";

    private Authorities() {
    }
}
