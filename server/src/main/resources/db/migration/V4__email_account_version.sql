-- The version of a record, raised by every change: its ETag, so that a client can update it only if nobody
-- changed it since it read it (If-Match).
ALTER TABLE email_account ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
