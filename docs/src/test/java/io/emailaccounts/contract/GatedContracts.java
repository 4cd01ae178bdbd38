package io.emailaccounts.contract;

import java.nio.file.Path;

/** The contracts the breaking-change gate compares: the working one and the last released one. */
final class GatedContracts {

    static final Path WORKING = Path.of("..", "api", "openapi.yaml");
    /** Every released contract, one file per version: {@code 1.0.0.yaml}. */
    static final Path RELEASES = Path.of("..", "api", "released");
    /** The last released contract. */
    static final Path RELEASED = Releases.in(RELEASES).latest();

    private GatedContracts() {
    }
}
