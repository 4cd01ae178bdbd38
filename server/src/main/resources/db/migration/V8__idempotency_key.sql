-- The creates sent with an Idempotency-Key, per user, with a fingerprint of the request and what the create answered,
-- written in the create's own transaction; kept until expires_on, then swept.
CREATE TABLE idempotency_key (
    user_name VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    record_id BIGINT NOT NULL,
    created_on TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_on TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_name, idempotency_key)
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_on);
