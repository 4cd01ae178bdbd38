package io.emailaccounts.server.contract;

import io.emailaccounts.contract.ApiContract;

/** The contract this server implements: {@code api/openapi.yaml}, put on the classpath by the build and served as it is. */
public final class ServedContract {

    /** Where the build puts {@code api/openapi.yaml}; served at {@code /openapi.yaml}. */
    public static final String CLASSPATH_LOCATION = "static/openapi.yaml";

    private ServedContract() {
    }

    public static ApiContract load() {
        return ApiContract.fromClasspath(CLASSPATH_LOCATION);
    }
}
