package io.emailaccounts.server.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the embedded development database (H2) from a production one. Several defaults depend on it:
 * demo data and a generated development administrator exist only on the embedded database.
 */
@Component
public class DatabaseKind {

    private final boolean embedded;

    public DatabaseKind(@Value("${spring.datasource.url}") String datasourceUrl) {
        this.embedded = datasourceUrl.startsWith("jdbc:h2:");
    }

    public boolean isEmbedded() {
        return embedded;
    }
}
