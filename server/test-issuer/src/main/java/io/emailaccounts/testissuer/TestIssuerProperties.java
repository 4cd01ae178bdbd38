package io.emailaccounts.testissuer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param audience the audience of every access token, unless a client names its own
 * @param clients  the users, by client id
 */
@ConfigurationProperties("test-issuer")
public record TestIssuerProperties(String audience, Map<String, Client> clients) {

    /**
     * @param username      the {@code preferred_username} claim; none when null (the subject, the client id, names the user)
     * @param roles         the {@code roles} claim
     * @param businesses    the {@code businesses} claim: BusinessIds (sent as numbers), or {@code *} alone (sent as the
     *                      string); none when null
     * @param tokenLifetime how long the client's access tokens live
     * @param audience      the {@code aud} claim, when not the issuer's usual one
     */
    public record Client(String username, @DefaultValue List<String> roles, List<String> businesses,
                         @DefaultValue("5m") Duration tokenLifetime, String audience) {
    }
}
