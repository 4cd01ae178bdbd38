package io.emailaccounts.contract;

import java.nio.file.Path;

/** The contracts the breaking-change gate compares: the working one and the last released one. */
final class GatedContracts {

    static final Path WORKING = Path.of("openapi.yaml");
    /** Every released contract, one file per version: {@code 1.0.0.yaml}. */
    static final Path RELEASES = Path.of("released");
    /** The last released contract. */
    static final Path RELEASED = Releases.in(RELEASES).latest();

    private GatedContracts() {
    }
}
