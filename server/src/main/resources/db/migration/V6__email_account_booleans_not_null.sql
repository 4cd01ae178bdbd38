-- The booleans of a record are never null (x-unset-value: false in the contract): rows written before that rule
-- get false, and the columns refuse null from now on.
-- Written for both H2 (embedded default) and PostgreSQL.

UPDATE email_account SET active = FALSE WHERE active IS NULL;
UPDATE email_account SET send_notification_on_new_messages = FALSE WHERE send_notification_on_new_messages IS NULL;
UPDATE email_account SET incoming_server_ssl = FALSE WHERE incoming_server_ssl IS NULL;
UPDATE email_account SET outgoing_server_ssl = FALSE WHERE outgoing_server_ssl IS NULL;

ALTER TABLE email_account ALTER COLUMN active SET DEFAULT FALSE;
ALTER TABLE email_account ALTER COLUMN active SET NOT NULL;
ALTER TABLE email_account ALTER COLUMN send_notification_on_new_messages SET DEFAULT FALSE;
ALTER TABLE email_account ALTER COLUMN send_notification_on_new_messages SET NOT NULL;
ALTER TABLE email_account ALTER COLUMN incoming_server_ssl SET DEFAULT FALSE;
ALTER TABLE email_account ALTER COLUMN incoming_server_ssl SET NOT NULL;
ALTER TABLE email_account ALTER COLUMN outgoing_server_ssl SET DEFAULT FALSE;
ALTER TABLE email_account ALTER COLUMN outgoing_server_ssl SET NOT NULL;
