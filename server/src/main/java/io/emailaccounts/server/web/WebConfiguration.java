package io.emailaccounts.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.emailaccounts.server.contract.ApiContract;
import io.emailaccounts.server.web.validation.RequestBodyValidator;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    RequestBodyValidator requestBodyValidator(ApiContract contract) {
        return new RequestBodyValidator(contract);
    }

    /** The reference docs (from the docs module's jar) at {@code /docs}. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/docs").setViewName("forward:/docs/index.html");
        registry.addViewController("/docs/").setViewName("forward:/docs/index.html");
    }
}
