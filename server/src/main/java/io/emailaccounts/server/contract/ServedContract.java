package io.emailaccounts.server.contract;

import io.emailaccounts.contract.ApiContract;

/** The contract this server implements: {@code api/openapi.yaml}, put on the classpath by the build. */
public final class ServedContract {

    /**
     * Where the build puts {@code api/openapi.yaml}. Served at {@code /openapi.yaml} and {@code /openapi.json} is the
     * same contract whole, each composed example with its value (the docs module's).
     */
    public static final String CLASSPATH_LOCATION = "contract/openapi.yaml";

    private ServedContract() {
    }

    public static ApiContract load() {
        return ApiContract.fromClasspath(CLASSPATH_LOCATION);
    }
}
