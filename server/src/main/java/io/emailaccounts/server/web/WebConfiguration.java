package io.emailaccounts.server.web;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.openapitools.jackson.nullable.JsonNullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.RunMode;
import io.emailaccounts.server.limits.RateLimit;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.emailaccounts.server.web.validation.RequestBodyValidator;
import io.emailaccounts.server.web.validation.RequestParameterValidator;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Where the docs module's jar holds the contract whole. */
    private static final String WHOLE_CONTRACT = "classpath:/META-INF/resources/docs/contract/";

    private final RequestParameterValidator parameterValidator;
    private final EmailAccountsProperties properties;
    private final ObjectProvider<RunMode> runMode;
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<WriteRateLimiter> writeRateLimiter;

    WebConfiguration(ApiContract contract, EmailAccountsProperties properties, ObjectProvider<RunMode> runMode,
                     ObjectProvider<DataSource> dataSource, ObjectProvider<WriteRateLimiter> writeRateLimiter) {
        this.parameterValidator = new RequestParameterValidator(contract);
        this.properties = properties;
        this.runMode = runMode;
        this.dataSource = dataSource;
        this.writeRateLimiter = writeRateLimiter;
    }

    /** Every request's id: on its answer and in every line logged while serving it (see {@link RequestIds}). */
    @Bean
    FilterRegistrationBean<RequestIds.Filter> requestIds(ObjectProvider<Tracer> tracer) {
        Tracer current = tracer.getIfAvailable(() -> Tracer.NOOP);
        FilterRegistrationBean<RequestIds.Filter> registration = new FilterRegistrationBean<>(new RequestIds.Filter(() -> {
            Span span = current.currentSpan();
            return span == null ? null : span.context().traceId();
        }));
        registration.setOrder(RequestPath.REQUEST_ID);
        return registration;
    }

    /** Each request's observation (its metrics and its span) named by its operation (see {@link OperationNamedRequests}). */
    @Bean
    ServerRequestObservationConvention operationNamedRequests() {
        return new OperationNamedRequests();
    }

    /** The access log: one line per request, timed from first to last (see {@link AccessLog}). */
    @Bean
    FilterRegistrationBean<AccessLog.Timer> accessLog() {
        AccessLog.writeAsynchronously();
        FilterRegistrationBean<AccessLog.Timer> registration = new FilterRegistrationBean<>(new AccessLog.Timer());
        registration.setOrder(RequestPath.ACCESS_LOG);
        return registration;
    }

    /** The service's objectives, and each request to an operation counted against them (see {@link ServiceLevels}). */
    @Bean
    FilterRegistrationBean<ServiceLevels.Meter> serviceLevels(ObjectProvider<MeterRegistry> meters) {
        // Spring Boot's registry where the actuator runs; one of its own in a test's slice of the web layer.
        FilterRegistrationBean<ServiceLevels.Meter> registration = new FilterRegistrationBean<>(
                ServiceLevels.register(properties.objectives(), meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(RequestPath.SERVICE_LEVELS);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AccessLog.UserRecorder> accessLogUser() {
        FilterRegistrationBean<AccessLog.UserRecorder> registration = new FilterRegistrationBean<>(new AccessLog.UserRecorder());
        registration.setOrder(RequestPath.ACCESS_LOG_USER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestBodySize().toBytes(), resolver));
        registration.setOrder(RequestPath.REQUEST_SIZE_LIMIT);
        return registration;
    }

    /**
     * Form bodies (the token endpoint) are read by the container: the same limit applies to them. TRACE reaches the
     * security chain's route filter, which refuses it as it refuses any method a path does not take (Tomcat's own
     * refusal would list the methods its servlet knows, not those of the path).
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> connectorSettings() {
        int maxBytes = Math.toIntExact(properties.maxRequestBodySize().toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setMaxPostSize(maxBytes);
            connector.setAllowTrace(true);
        });
    }

    /**
     * An optional property of a generated model that was never set ({@code JsonNullable.undefined()}) is left out of
     * the JSON, as the contract's {@code writeOnly} properties must be; one set to null is written as null.
     */
    @Bean
    JsonMapperBuilderCustomizer undefinedIsAbsent() {
        return builder -> builder.withConfigOverride(JsonNullable.class, override -> override.setInclude(
                JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS)));
    }

    /** The JSON converter: Spring Boot's, except that a body checked against the contract is not parsed again. */
    @Bean
    JacksonJsonHttpMessageConverter jsonConverter(JsonMapper jsonMapper) {
        return new ParsedBodyConverter(jsonMapper);
    }

    @Bean
    RequestBodyValidator requestBodyValidator(ApiContract contract) {
        return new RequestBodyValidator(contract);
    }

    /**
     * The write limit: in memory for one process on the embedded database; in the database where replicas share it. A
     * bean, so that a stopping server settles with the database what it has not yet ({@link WriteRateLimiter#close()}).
     */
    @Bean
    WriteRateLimiter writeRateLimiter(ObjectProvider<MeterRegistry> meters) {
        int writesPerMinute = properties.rateLimit().writesPerMinute();
        String setting = "emailaccounts.rate-limit.writes-per-minute";
        RunMode mode = runMode.getIfAvailable();
        return new WriteRateLimiter(mode == null || mode.keepsLimitsInMemory()
                ? new RateLimit("writes", setting, writesPerMinute, TimeMeter.SYSTEM_NANOTIME, meters.getIfAvailable(SimpleMeterRegistry::new))
                : new RateLimit("writes", setting, writesPerMinute, dataSource.getObject(), meters.getIfAvailable(SimpleMeterRegistry::new)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.rateLimit().enabled()) {
            registry.addInterceptor(writeRateLimiter.getObject()).order(RequestPath.WRITE_LIMIT);
        }
        registry.addInterceptor(new ContractParameterInterceptor(parameterValidator)).order(RequestPath.CONTRACT_PARAMETERS);
        registry.addInterceptor(new StrictHandling()).order(RequestPath.STRICT_HANDLING);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        ContractEnumConverters.register(registry);
    }

    /**
     * The reference (built by the docs module, served from its jar) at {@code /docs/}; its assets are relative, so
     * {@code /docs} redirects there, and so does {@code /}: a browser pointed at the server finds the reference.
     */
    /**
     * The contract whole, each composed example with its value, as a tool reads it (an import, a mock, a linter): the
     * docs module's, served at {@code /openapi.yaml} and {@code /openapi.json}.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/openapi.yaml", "/openapi.json").addResourceLocations(WHOLE_CONTRACT);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/docs/");
        registry.addRedirectViewController("/docs", "/docs/");
        registry.addViewController("/docs/").setViewName("forward:/docs/index.html");
    }
}
