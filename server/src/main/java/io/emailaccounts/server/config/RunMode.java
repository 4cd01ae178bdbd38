package io.emailaccounts.server.config;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How this server runs, said by {@code emailaccounts.mode}, not guessed:
 * <ul>
 *     <li>{@code development}: a generated administrator and generated keys kept in {@code ./data}, the demo record in
 *     an empty database, no drain on stop. The default on the embedded database only.</li>
 *     <li>{@code production}: users and keys must be configured, no demo record, a stop drains (see
 *     {@code emailaccounts.shutdown.drain}). The default on any other database.</li>
 * </ul>
 * Where the limits (writes, failed sign-ins) are kept follows the database, one rule for both: in memory on the
 * embedded H2 (its file is locked by one process, so one process's count is the whole count), in the database
 * otherwise (PostgreSQL, shared by the replicas). An H2 server reached over the network ({@code jdbc:h2:tcp:}) keeps
 * them in memory too (the shared store is PostgreSQL's), with a warning: several processes could share that database,
 * and their limits would not.
 */
@Component
public class RunMode {

    private static final Logger log = LoggerFactory.getLogger(RunMode.class);

    private final boolean development;
    private final boolean limitsInMemory;

    @Autowired
    RunMode(@Value("${spring.datasource.url}") String datasourceUrl, EmailAccountsProperties properties) {
        this(datasourceUrl, properties.mode());
    }

    /**
     * @param datasourceUrl the database's JDBC URL
     * @param mode          {@code emailaccounts.mode}: development, production, or null (development on the embedded
     *                      database only)
     */
    public RunMode(String datasourceUrl, String mode) {
        String url = datasourceUrl.toLowerCase(Locale.ROOT);
        boolean h2Server = url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
        boolean embeddedDatabase = url.startsWith("jdbc:h2:") && !h2Server;
        this.limitsInMemory = url.startsWith("jdbc:h2:");
        this.development = switch (mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT)) {
            case "" -> embeddedDatabase;
            case "development" -> true;
            case "production" -> false;
            default -> throw new InvalidConfigurationException("emailaccounts.mode is '" + mode + "'.",
                    "Set emailaccounts.mode to development or production (unset: development on the embedded database only).");
        };
        if (h2Server) {
            log.warn("The database is an H2 server: the write limit and the sign-in throttle are kept in this process's "
                    + "memory; run one server on it, or PostgreSQL for several replicas, whose limits are shared");
        }
        if (development && !embeddedDatabase) {
            log.warn("Development mode on a shared database: a generated administrator and keys in ./data, the demo record; "
                    + "set emailaccounts.mode=production (the default there) for anything but a trial");
        }
    }

    /** A generated administrator and keys, the demo record, no drain on stop. */
    public boolean isDevelopment() {
        return development;
    }

    /** The limits in this process's memory (an H2 database); else in the database, shared by the replicas. */
    public boolean keepsLimitsInMemory() {
        return limitsInMemory;
    }
}
