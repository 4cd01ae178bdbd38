package io.emailaccounts.server.support.conformance;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Puts {@link ConformanceFilter} in front of every server a test starts (listed in the test resources' imports). */
@AutoConfiguration
public class ConformanceTestAutoConfiguration {

    @Bean
    FilterRegistrationBean<ConformanceFilter> contractConformanceFilter() {
        FilterRegistrationBean<ConformanceFilter> registration = new FilterRegistrationBean<>(new ConformanceFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
