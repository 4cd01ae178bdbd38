package io.emailaccounts.testissuer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * An OpenID Connect issuer for tests: Spring Authorization Server with the clients of {@code test-issuer.clients},
 * each standing for a user (client credentials grant, secret {@code <id>-secret}), whose access tokens carry that
 * user's claims as an organisation's issuer would: {@code preferred_username}, the roles (as {@code roles} and as
 * {@code realm_access.roles}), {@code businesses} and the audience. Its signing keys change when a line is written to its standard input: {@code rotate} signs with a new
 * key, publishing both; {@code retire} withdraws every key but the newest. Each command is answered on standard output
 * with {@code done <command>} once the published key set shows it.
 */
@SpringBootApplication
@EnableConfigurationProperties(TestIssuerProperties.class)
public class TestIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TestIssuerApplication.class, args);
    }

    @Bean
    SigningKeys signingKeys() {
        return new SigningKeys();
    }

    @Bean
    RegisteredClientRepository clients(TestIssuerProperties properties) {
        List<RegisteredClient> clients = properties.clients().entrySet().stream()
                .map(client -> RegisteredClient.withId(client.getKey())
                        .clientId(client.getKey())
                        .clientSecret("{noop}" + client.getKey() + "-secret")
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(client.getValue().tokenLifetime()).build())
                        .build())
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The user's claims on each access token, signed with the newest key (named in the header). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> userClaims(TestIssuerProperties properties, SigningKeys keys) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            TestIssuerProperties.Client user = properties.clients().get(context.getRegisteredClient().getClientId());
            context.getJwsHeader().keyId(keys.current().getKeyID());
            context.getClaims().audience(List.of(user.audience() != null ? user.audience() : properties.audience()));
            if (user.username() != null) {
                context.getClaims().claim("preferred_username", user.username());
            }
            // The roles twice: as Microsoft Entra ID puts them, and as Keycloak puts its realm roles.
            context.getClaims().claim("roles", user.roles());
            context.getClaims().claim("realm_access", Map.of("roles", user.roles()));
            if (user.businesses() != null) {
                context.getClaims().claim("businesses", user.businesses().equals(List.of("*"))
                        ? "*" : user.businesses().stream().map(Long::valueOf).toList());
            }
        };
    }

    /** Reads the key commands from standard input, for as long as the process lives. */
    @Bean
    ApplicationRunner keyCommands(SigningKeys keys) {
        return arguments -> {
            Thread reader = new Thread(() -> {
                try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                    for (String command; (command = commands.readLine()) != null; ) {
                        switch (command.strip()) {
                            case "rotate" -> keys.rotate();
                            case "retire" -> keys.retire();
                            default -> {
                                System.out.println("unknown command " + command);
                                continue;
                            }
                        }
                        System.out.println("done " + command.strip());
                        System.out.flush();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "key-commands");
            reader.setDaemon(true);
            reader.start();
        };
    }
}
