package io.emailaccounts.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.TimeMeter;

import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.RunMode;
import io.emailaccounts.server.config.SecretKeys;
import io.emailaccounts.server.limits.RateLimit;
import io.emailaccounts.server.generated.api.AuthenticationApiDelegate;

/**
 * Stateless security: every request carries HTTP Basic credentials or a bearer access token; each operation needs
 * what the contract says ({@link OperationAuthorization}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {


    /**
     * No observation of Spring Security's filters, authentications and authorizations: traces nobody reads, and the
     * wrapping of every filter of every request in an observation (which a disabled observation still pays for).
     * The HTTP server's own observation (the http.server.requests metric) stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, OperationAuthorization operations, Routes routes, SecurityFailureHandlers failures,
                                    AuthenticationManager passwordAuthentication, JwtDecoder jwtDecoder,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                                    ObjectProvider<CorsConfigurationSource> corsSources, InMemoryUserDetailsManager users,
                                    SecretKey tokenSigningKey, ApiContract contract, EmailAccountsProperties properties,
                                    UserNames userNames, ObjectProvider<OAuth2ResourceServerProperties> resourceServerSettings) {
        // A bearer token of the server's own: its user as configured now, its authorities today, refused once removed or
        // its password changed. One of the organisation's issuer: its user as the token's claims say.
        CurrentUserTokens ownTokens = new CurrentUserTokens(users, new PasswordBinding(tokenSigningKey));
        IssuerTokens issuerTokens = new IssuerTokens(properties.security().issuer(),
                resourceServerSettings.getIfAvailable(OAuth2ResourceServerProperties::new).getJwt().getPrincipalClaimName(),
                operations.roles(), userNames, users::userExists);
        JwtAuthenticationProvider bearerTokens = new JwtAuthenticationProvider(jwtDecoder);
        bearerTokens.setJwtAuthenticationConverter(token -> AccessTokens.ISSUER.equals(token.getClaimAsString(JwtClaimNames.ISS))
                ? ownTokens.convert(token) : issuerTokens.convert(token));

        // CORS for other origins (emailaccounts.cors.allowed-origins), before authentication and before the route
        // filter, so that an allowed origin can read its 404 and 405 too. Then unknown paths (404) and methods a path
        // does not take (405) are refused before authentication, their answers with the security headers; a preflight
        // passes where Spring MVC's mappings configure CORS.
        CrossOrigins crossOrigins = new CrossOrigins(contract, properties.cors().allowedOrigins());
        CorsConfigurationSource mvcCors = request -> corsSources.orderedStream()
                .map(source -> source.getCorsConfiguration(request)).filter(Objects::nonNull).findFirst().orElse(null);
        OncePerRequestFilter crossOriginFilter = crossOrigins.filter(resolver);
        http.addFilterAfter(crossOriginFilter, HeaderWriterFilter.class);
        http.addFilterAfter(new RouteFilter(routes, resolver, mvcCors), crossOriginFilter.getClass());
        RequestMatcher docs = PathPatternRequestMatcher.pathPattern("/docs/**");
        RequestMatcher clientReferences = PathPatternRequestMatcher.pathPattern("/docs/clients/**");
        http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(clientReferences,
                        new StaticHeadersWriter("Content-Security-Policy", SecurityHeaders.CLIENT_REFERENCES_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new AndRequestMatcher(docs, new NegatedRequestMatcher(clientReferences)),
                        new StaticHeadersWriter("Content-Security-Policy", SecurityHeaders.DOCS_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(docs),
                        new StaticHeadersWriter("Content-Security-Policy", SecurityHeaders.API_POLICY))));
        http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for a forged request to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // Basic goes through the same (throttled) password check as the token endpoint's password grant.
                .authenticationManager(passwordAuthentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(failures))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        // Every failure to the envelope's handlers, an issuer that cannot be reached too (which Spring
                        // Security's own failure handler would throw on, to the container's error page).
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(failures::commence);
                                return filter;
                            }
                        })
                        .bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.authenticationManager(new ProviderManager(bearerTokens)))
                        .authenticationEntryPoint(failures)
                        .accessDeniedHandler(failures))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .authorizeHttpRequests(authorize -> {
                    operations.configure(authorize);
                    routes.configureServed(authorize);
                    // The error page and the reference's forward answer for a request already judged.
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                            // Nothing else exists: the route filter answered it 404 or 405 already.
                            .anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * Spring Security's strict firewall, its header rules checked without regular expressions. Any method passes it:
     * the route filter answers a method a path does not take 405 with the path's Allow (the firewall would say 400).
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return firewall;
    }

    /**
     * Spring Security's encoders (bcrypt for new hashes), behind the cache of verified passwords; unknown user names are
     * checked against a bcrypt hash as costly as the costliest configured one.
     */
    @Bean
    PasswordEncoder passwordEncoder(EmailAccountsProperties properties) {
        int cost = ConfiguredUsers.highestBcryptCost(properties.users());
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.loginThrottle().maxConcurrentPasswordChecks(),
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost))));
    }

    @Bean
    UserNames userNames(ApiContract contract) {
        return UserNames.of(contract);
    }

    @Bean
    InMemoryUserDetailsManager users(EmailAccountsProperties properties, RunMode runMode, OperationAuthorization operations,
                                     UserNames userNames, PasswordEncoder passwordEncoder,
                                     ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        String issuer = resourceServer.getIfAvailable(OAuth2ResourceServerProperties::new).getJwt().getIssuerUri();
        return ConfiguredUsers.load(properties, runMode.isDevelopment(), issuer != null && !issuer.isBlank(),
                operations.roles(), userNames.maxLength(), passwordEncoder);
    }

    /**
     * Sign-in with a user name and password, under the failed sign-in throttle: its failures in memory on the embedded
     * database (one process), in the database where replicas share it.
     */
    @Bean
    AuthenticationManager authenticationManager(InMemoryUserDetailsManager users, PasswordEncoder passwordEncoder,
                                                UserNames userNames, LoginThrottle throttle,
                                                ObjectProvider<MeterRegistry> meters) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, userNames, registry(meters)));
    }

    /** The failed sign-in throttle: its failures in memory on the embedded database, in the database where replicas share it. */
    @Bean
    LoginThrottle loginThrottle(EmailAccountsProperties properties, RunMode runMode, JdbcClient jdbc,
                                PlatformTransactionManager transactions, Clock clock) {
        EmailAccountsProperties.LoginThrottle settings = properties.loginThrottle();
        return runMode.keepsLimitsInMemory()
                ? new LoginThrottle(settings.maxFailures(), settings.maxFailuresPerName(), settings.maxFailuresPerAddress(),
                        settings.window(), Ticker.systemTicker())
                : new LoginThrottle(settings.maxFailures(), settings.maxFailuresPerName(), settings.maxFailuresPerAddress(),
                        settings.window(), new DatabaseSignInAttempts(jdbc, transactions, settings.window(), clock));
    }

    @Bean
    SecretKey tokenSigningKey(EmailAccountsProperties properties, RunMode runMode) {
        return new SecretKeySpec(SecretKeys.resolve("emailaccounts.security.token-signing-key",
                properties.security().tokenSigningKey(), runMode.isDevelopment(),
                properties.developmentDirectory().resolve("token-signing-key")), "HmacSHA256");
    }

    /**
     * The bearer tokens the server takes: its own, and the organisation's issuer's when one is configured
     * ({@link TrustedIssuers}); the server's own remembered once verified ({@link VerifiedTokenCache}).
     */
    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey, EmailAccountsProperties properties, RunMode runMode, Clock clock,
                          ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        return bearerTokenDecoder(tokenSigningKey, properties.security(),
                resourceServer.getIfAvailable(OAuth2ResourceServerProperties::new).getJwt(), runMode.isDevelopment(), clock);
    }

    static JwtDecoder bearerTokenDecoder(SecretKey tokenSigningKey, EmailAccountsProperties.Security security,
                                         OAuth2ResourceServerProperties.Jwt issuer, boolean development, Clock clock) {
        OAuth2TokenValidator<Jwt> ownValidator = ownTokenValidator(security, clock);
        NimbusJwtDecoder own = NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        own.setJwtValidator(ownValidator);
        TrustedIssuers issuers = TrustedIssuers.of(own, issuer, security, development, clock);
        return new VerifiedTokenCache(issuers, ownValidator, security.accessTokenLifetime(),
                token -> AccessTokens.ISSUER.equals(token.getClaimAsString(JwtClaimNames.ISS)));
    }

    /**
     * The checks of the server's own access tokens, on every use: the issuer; the audience, this deployment's
     * ({@code emailaccounts.security.token-audience}), or none for a token of the versions before audiences, made
     * within an access token's lifetime of this start; and the expiry with no more leeway than {@code emailaccounts.security.clock-skew} (Spring's
     * default would accept a token for a minute after the {@code expires_in} the server announced).
     */
    static OAuth2TokenValidator<Jwt> ownTokenValidator(EmailAccountsProperties.Security security, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
        timestamps.setClock(clock);
        // A rolling upgrade's old replicas go on making tokens without an audience while the new ones start: taken for
        // an access token's lifetime after this start, never after.
        Instant noAudienceUntil = clock.instant().plus(security.accessTokenLifetime());
        OAuth2TokenValidator<Jwt> audience = token -> {
            List<String> audiences = token.getAudience();
            boolean taken = audiences == null || audiences.isEmpty()
                    ? token.getIssuedAt() != null && token.getIssuedAt().isBefore(noAudienceUntil)
                    : audiences.contains(security.tokenAudience());
            return taken ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The access token is for another audience", null));
        };
        return new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(AccessTokens.ISSUER), audience);
    }

    @Bean
    AuthenticationApiDelegate tokenEndpoint(AuthenticationManager authenticationManager, InMemoryUserDetailsManager users,
                                            SecretKey tokenSigningKey, EmailAccountsProperties properties, UserNames userNames,
                                            RateLimit tokenRequests, RateLimit tokenRequestsPerName, LoginThrottle throttle,
                                            JdbcClient jdbc, Clock clock) {
        EmailAccountsProperties.Security security = properties.security();
        AccessTokens accessTokens = new AccessTokens(NimbusJwtEncoder.withSecretKey(tokenSigningKey).build(),
                security.accessTokenLifetime(), security.tokenAudience(), clock);
        RefreshTokenStore refreshTokens = new RefreshTokenStore(jdbc, security.refreshTokenLifetime(),
                security.refreshFamilyLifetime(), security.refreshFamiliesPerUser(), tokenSigningKey, clock);
        return new TokenEndpoint(authenticationManager, users, accessTokens, refreshTokens, userNames, tokenRequests,
                tokenRequestsPerName, throttle, new PasswordBinding(tokenSigningKey));
    }

    /**
     * The token endpoint's own limit, per client address and per user name: in memory for one process on the embedded
     * database; in the database where replicas share it. A bean, so that a stopping server settles what it took.
     */
    @Bean
    RateLimit tokenRequests(EmailAccountsProperties properties, RunMode runMode, ObjectProvider<DataSource> dataSource,
                          ObjectProvider<MeterRegistry> meters) {
        return rateLimit("token-requests", "emailaccounts.rate-limit.token-requests-per-minute",
                properties.rateLimit().tokenRequestsPerMinute(), runMode, dataSource, meters);
    }

    /** The token endpoint's limit per user name, kept as {@link #tokenRequests} is. */
    @Bean
    RateLimit tokenRequestsPerName(EmailAccountsProperties properties, RunMode runMode, ObjectProvider<DataSource> dataSource,
                          ObjectProvider<MeterRegistry> meters) {
        return rateLimit("token-requests-per-name", "emailaccounts.rate-limit.token-requests-per-minute-per-name",
                properties.rateLimit().tokenRequestsPerMinutePerName(), runMode, dataSource, meters);
    }

    private static RateLimit rateLimit(String name, String setting, int perMinute, RunMode runMode,
                                       ObjectProvider<DataSource> dataSource, ObjectProvider<MeterRegistry> meters) {
        return runMode.keepsLimitsInMemory()
                ? new RateLimit(name, setting, perMinute, TimeMeter.SYSTEM_NANOTIME, registry(meters))
                : new RateLimit(name, setting, perMinute, dataSource.getObject(), registry(meters));
    }

    /** The application's registry; one of its own where there is none (a test's slice of the web layer). */
    static MeterRegistry registry(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(SimpleMeterRegistry::new);
    }
}
