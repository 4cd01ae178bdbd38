package io.emailaccounts.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the EmailAccounts API server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmailAccountsServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmailAccountsServerApplication.class, args);
    }
}
