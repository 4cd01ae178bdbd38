-- The access tokens are stored encrypted (AES-GCM, base64 with a version prefix), which takes more room than the
-- 8192 characters a token may have.
ALTER TABLE email_account ALTER COLUMN google_access_token SET DATA TYPE VARCHAR(48000);
ALTER TABLE email_account ALTER COLUMN office365_access_token SET DATA TYPE VARCHAR(48000);
