package io.emailaccounts.server.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    ApiContract apiContract() {
        return ApiContract.load();
    }
}
