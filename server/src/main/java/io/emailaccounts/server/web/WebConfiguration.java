package io.emailaccounts.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.emailaccounts.server.contract.ApiContract;
import io.emailaccounts.server.web.validation.RequestBodyValidator;
import io.emailaccounts.server.web.validation.RequestParameterValidator;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final RequestParameterValidator parameterValidator;

    WebConfiguration(ApiContract contract) {
        this.parameterValidator = new RequestParameterValidator(contract);
    }

    @Bean
    RequestBodyValidator requestBodyValidator(ApiContract contract) {
        return new RequestBodyValidator(contract);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ContractParameterInterceptor(parameterValidator));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new GeneratedEnumConverter());
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
