-- Refresh tokens in families (RFC 9700, the OAuth 2.0 Security Best Current Practice, 4.14.2): the tokens of one
-- sign-in share a family, which ends at family_expires_at whatever its tokens say. A used token is kept (used = TRUE)
-- until it expires, so that a second use is seen, and revokes its whole family. password_binding ties a family to the
-- user's stored password (an HMAC of its hash): a changed password ends it at the next refresh. A token issued before
-- this migration is a family of its own without a binding, which the next refresh refuses (the user signs in again).
ALTER TABLE refresh_token ADD COLUMN family_id VARCHAR(64);
ALTER TABLE refresh_token ADD COLUMN family_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE refresh_token ADD COLUMN used BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE refresh_token ADD COLUMN password_binding VARCHAR(64);
UPDATE refresh_token SET family_id = token_hash, family_expires_at = expires_at;
ALTER TABLE refresh_token ALTER COLUMN family_id SET NOT NULL;
ALTER TABLE refresh_token ALTER COLUMN family_expires_at SET NOT NULL;
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_username ON refresh_token (username, family_expires_at);
