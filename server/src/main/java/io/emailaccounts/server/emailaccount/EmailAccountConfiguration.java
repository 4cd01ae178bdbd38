package io.emailaccounts.server.emailaccount;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.emailaccounts.contract.ApiContract;

@Configuration(proxyBeanMethods = false)
class EmailAccountConfiguration {

    /** The fields of an EmailAccount, generated from the contract and checked against the one the server serves. */
    @Bean
    EmailAccountSchema emailAccountSchema(ApiContract contract) {
        return EmailAccountSchema.of(contract);
    }
}
