package io.emailaccounts.server.emailaccount.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.emailaccount.search.SearchFilters;
import io.emailaccounts.server.emailaccount.service.EmailAccountService;
import io.emailaccounts.server.generated.api.EmailAccountsApiDelegate;

@Configuration(proxyBeanMethods = false)
class EmailAccountsWebConfiguration {

    @Bean
    EmailAccountsApiDelegate emailAccountsApiDelegate(EmailAccountService service, EmailAccountMapping mapping,
                                                      SearchFilters searchFilters, ApiContract contract) {
        return new EmailAccountsDelegate(service, mapping, searchFilters, IdempotencyKeyHeader.of(contract));
    }
}
