package io.emailaccounts.testissuer;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The issuer's RSA signing keys, newest first: tokens are signed with the newest, and every key here is published at
 * the JWK Set endpoint, so that tokens signed before a rotation stay verifiable until their key is retired.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

    private final List<RSAKey> keys = new CopyOnWriteArrayList<>(List.of(newKey()));

    RSAKey current() {
        return keys.get(0);
    }

    /** Signs with a new key from now on; the others stay published. */
    synchronized void rotate() {
        keys.add(0, newKey());
    }

    /** Withdraws every key but the newest: tokens they signed no longer verify. */
    synchronized void retire() {
        keys.retainAll(List.of(current()));
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(List.copyOf(keys)));
    }

    private static RSAKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
