package io.emailaccounts.server.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.emailaccounts.contract.ApiContract;

@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    ApiContract apiContract() {
        return ServedContract.load();
    }
}
