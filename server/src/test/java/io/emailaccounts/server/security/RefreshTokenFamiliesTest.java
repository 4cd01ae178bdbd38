package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.MovingClock;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * Refresh tokens in families (RFC 9700), in the server's database (H2, or PostgreSQL with test.datasource.url): each
 * token works once and until its lifetime; a family ends at its own lifetime; a token used twice revokes its family;
 * a family is bound to the password the user signed in with; a user has a bounded number of families.
 */
class RefreshTokenFamiliesTest extends RunningServerTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofDays(15);
    private static final Duration FAMILY_LIFETIME = Duration.ofDays(30);
    private static final String STORED_PASSWORD = "{bcrypt}$2a$04$stored-hash-of-the-password-the-user-signed-in-with";

    private final MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
    private RefreshTokenStore store;

    @BeforeEach
    void newStore() {
        jdbc.sql("DELETE FROM refresh_token").update();
        store = new RefreshTokenStore(jdbc, TOKEN_LIFETIME, FAMILY_LIFETIME, 3, new SecretKeySpec(new byte[32], "HmacSHA256"), clock);
    }

    /** Uses a token and makes the next of its family, as a refresh does. */
    private String refresh(String token) {
        return store.refreshed(store.use(token).orElseThrow());
    }

    @Test
    void shouldHonourATokenOnceWithinItsLifetime() {
        String token = store.signedIn(ADMIN, STORED_PASSWORD);
        clock.advance(TOKEN_LIFETIME.minusSeconds(1));

        assertThat(store.use(token)).hasValueSatisfying(used -> assertThat(used.username()).isEqualTo(ADMIN));
    }

    @Test
    void shouldRefuseATokenPastItsLifetime() {
        String token = store.signedIn(ADMIN, STORED_PASSWORD);
        clock.advance(TOKEN_LIFETIME.plusSeconds(1));

        assertThat(store.use(token)).isEmpty();
    }

    /** Each refresh makes a token of the same family; none outlives the family, however often it is refreshed. */
    @Test
    void shouldEndAFamilyAtItsLifetimeWhateverItsTokensSay() {
        String token = store.signedIn(ADMIN, STORED_PASSWORD);
        for (int day = 1; day < 30; day++) {
            clock.advance(Duration.ofDays(1));
            token = refresh(token);
        }
        clock.advance(Duration.ofDays(1));

        assertThat(store.use(token)).as("30 days after the sign-in").isEmpty();
    }

    /** Of a thief and the client who both hold a token, whoever uses it second ends the sign-in for both. */
    @Test
    void shouldRevokeTheWholeFamilyWhenATokenIsUsedTwice() {
        String first = store.signedIn(ADMIN, STORED_PASSWORD);
        String second = refresh(first);
        String third = refresh(second);
        String otherSignIn = store.signedIn(ADMIN, STORED_PASSWORD);

        assertThat(store.use(first)).as("used a second time").isEmpty();
        assertThat(store.use(third)).as("the newest token of the family").isEmpty();
        assertThat(store.use(otherSignIn)).as("another sign-in of the user").isPresent();
    }

    @Test
    void shouldBindAFamilyToThePasswordTheUserSignedInWith() {
        RefreshTokenStore.Used used = store.use(store.signedIn(ADMIN, STORED_PASSWORD)).orElseThrow();

        assertThat(store.boundTo(used, STORED_PASSWORD)).isTrue();
        assertThat(store.boundTo(used, STORED_PASSWORD.replace("stored", "changed"))).isFalse();
        assertThat(store.boundTo(store.use(refresh(store.signedIn(ADMIN, STORED_PASSWORD))).orElseThrow(), STORED_PASSWORD))
                .as("every token of the family").isTrue();
    }

    /** A user has at most so many sign-ins (3 here); a new one ends the oldest. */
    @Test
    void shouldEndTheOldestFamiliesBeyondTheCap() {
        String oldest = store.signedIn(ADMIN, STORED_PASSWORD);
        clock.advance(Duration.ofMinutes(1));
        String second = store.signedIn(ADMIN, STORED_PASSWORD);
        clock.advance(Duration.ofMinutes(1));
        String third = refresh(store.signedIn(ADMIN, STORED_PASSWORD));
        clock.advance(Duration.ofMinutes(1));
        String fourth = store.signedIn(ADMIN, STORED_PASSWORD);
        String anotherUsers = store.signedIn(EDITOR, STORED_PASSWORD);

        assertThat(store.use(oldest)).isEmpty();
        assertThat(store.use(second)).isPresent();
        assertThat(store.use(third)).isPresent();
        assertThat(store.use(fourth)).isPresent();
        assertThat(store.use(anotherUsers)).isPresent();
    }
}
