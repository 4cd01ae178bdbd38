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

    /**
     * The reference (built by the docs module, served from its jar) at {@code /docs/}; its assets are relative, so
     * {@code /docs} redirects there.
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/docs", "/docs/");
        registry.addViewController("/docs/").setViewName("forward:/docs/index.html");
    }
}
