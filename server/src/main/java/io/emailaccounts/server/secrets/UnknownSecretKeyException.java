package io.emailaccounts.server.secrets;

/** A stored value names a key that is not configured: neither the current key nor one of the older ones. */
public class UnknownSecretKeyException extends IllegalArgumentException {

    private final String keyId;

    UnknownSecretKeyException(String keyId) {
        super("The value was sealed with key " + keyId + ", which is not configured");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
