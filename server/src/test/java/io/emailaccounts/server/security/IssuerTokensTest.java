package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import io.emailaccounts.server.config.EmailAccountsProperties;

/** How a token of the organisation's issuer becomes a user: its name, roles and businesses from its claims. */
class IssuerTokensTest {

    private static final Set<String> ROLES = Set.of("EmailAccount-Read", "EmailAccount-Edit");

    private final IssuerTokens tokens = tokens("roles", "businesses");

    private static IssuerTokens tokens(String rolesClaim, String businessesClaim) {
        return tokens(rolesClaim, businessesClaim, null);
    }

    private static IssuerTokens tokens(String rolesClaim, String businessesClaim, String nameClaim) {
        return new IssuerTokens(new EmailAccountsProperties.Issuer(rolesClaim, businessesClaim, "Administrator",
                Duration.ofMinutes(5), Duration.ofSeconds(30)), nameClaim, ROLES, new UserNames(20),
                name -> name.equalsIgnoreCase("admin@example.com"));
    }

    private static Jwt token(Consumer<Map<String, Object>> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60));
        return builder.claims(claims).build();
    }

    private static List<String> authorities(AbstractAuthenticationToken user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }

    @Test
    void shouldNameTheUserByPreferredUsernameElseBySubject() {
        assertThat(tokens.convert(token(claims -> {
            claims.put("preferred_username", "ann@example.org");
            claims.put("businesses", "*");
        })).getName()).isEqualTo("ann@example.org");
        assertThat(tokens.convert(token(claims -> claims.put("businesses", "*"))).getName()).isEqualTo("subject-1");
    }

    @Test
    void shouldTakeTheContractsRolesAndIgnoreTheIssuersOthers() {
        AbstractAuthenticationToken user = tokens.convert(token(claims -> {
            claims.put("roles", List.of("EmailAccount-Read", "offline_access", "uma_authorization"));
            claims.put("businesses", List.of(1001L, "1002"));
        }));

        assertThat(authorities(user)).containsExactly("Business:1001", "Business:1002", "EmailAccount-Read");
    }

    @Test
    void shouldMakeTheAdministratorRoleAFullAdministratorOfEveryBusiness() {
        AbstractAuthenticationToken user = tokens.convert(token(claims -> claims.put("roles", "Administrator")));

        assertThat(authorities(user)).containsExactly(Authorities.FULL_ADMINISTRATOR);
    }

    @Test
    void shouldReadNestedClaimsByTheirPathAsKeycloakPutsRoles() {
        IssuerTokens keycloak = tokens("realm_access.roles", "businesses");

        AbstractAuthenticationToken user = keycloak.convert(token(claims -> {
            claims.put("realm_access", Map.of("roles", List.of("EmailAccount-Edit", "default-roles-acme")));
            claims.put("businesses", List.of("*"));
        }));

        assertThat(authorities(user)).containsExactly("EmailAccount-Edit");
    }

    @Test
    void shouldTakeAClaimWhoseNameHasDotsAsItIs() {
        IssuerTokens dotted = tokens("roles", "extn.businesses");

        assertThat(authorities(dotted.convert(token(claims -> claims.put("extn.businesses", List.of("7"))))))
                .containsExactly("Business:7");
    }

    @Test
    void shouldRefuseATokenThatNamesNoBusinessOrSomethingElse() {
        for (Object businesses : new Object[] {null, List.of(), List.of("acme"), List.of(0L), List.of(1001L, -1L), List.of(1.5),
                List.of(1001.0), "1001x", List.of("١٢"), List.of("*", 5L), List.of(Map.of("id", 1001L)), List.of("99999999999999999999")}) {
            assertThatThrownBy(() -> tokens.convert(token(claims -> {
                claims.put("roles", List.of("EmailAccount-Read"));
                if (businesses != null) {
                    claims.put("businesses", businesses);
                }
            }))).as("businesses %s", businesses).isInstanceOf(TokenNamesNoBusinessException.class)
                    .hasMessageContaining("'businesses'");
        }
    }

    @Test
    void shouldRefuseAUserNameLongerThanTheContractAllows() {
        assertThatThrownBy(() -> tokens.convert(token(claims -> {
            claims.put("preferred_username", "a".repeat(21));
            claims.put("businesses", "*");
        }))).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void shouldNameTheUserByTheClaimSpringBootsPrincipalClaimNameNames() {
        IssuerTokens byObjectId = tokens("roles", "businesses", "oid");

        assertThat(byObjectId.convert(token(claims -> {
            claims.put("oid", "3f2c-object-id");
            claims.put("preferred_username", "ann@example.org");
            claims.put("businesses", "*");
        })).getName()).isEqualTo("3f2c-object-id");
        assertThatThrownBy(() -> byObjectId.convert(token(claims -> claims.put("businesses", "*"))))
                .as("no fall-back to sub").isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void shouldRefuseANameOfTheServersOwnUsersOrWithControlCharacters() {
        for (String name : List.of("ADMIN@example.com", "ann\r\nuser=admin")) {
            assertThatThrownBy(() -> tokens.convert(token(claims -> {
                claims.put("preferred_username", name);
                claims.put("businesses", "*");
            }))).as(name).isInstanceOf(InvalidBearerTokenException.class);
        }
    }

    @Test
    void shouldRefuseAnIdTokenAsKeycloakMarksIt() {
        assertThatThrownBy(() -> tokens.convert(token(claims -> {
            claims.put("typ", "ID");
            claims.put("businesses", "*");
        }))).isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("ID token");
        assertThat(tokens.convert(token(claims -> {
            claims.put("typ", "Bearer");
            claims.put("businesses", "*");
        })).getName()).isEqualTo("subject-1");
    }
}
