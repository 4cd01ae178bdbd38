-- The values a column may hold are the contract's: the server checks every write against api/openapi.yaml (enums,
-- ranges, patterns) before it stores anything. These checks were a second copy of those rules, which a compatible
-- change of the contract (a value added to an open enum, a range widened) would have had to edit too, or the
-- database would refuse what the contract accepts. The columns keep their types, lengths and NOT NULL.
-- Written for both H2 (embedded default) and PostgreSQL.

ALTER TABLE email_account DROP CONSTRAINT email_account_incoming_server_type;
ALTER TABLE email_account DROP CONSTRAINT email_account_delete_message_settings;
ALTER TABLE email_account DROP CONSTRAINT email_account_incoming_server_port;
ALTER TABLE email_account DROP CONSTRAINT email_account_outgoing_server_port;
ALTER TABLE email_account DROP CONSTRAINT email_account_last_message_id;
ALTER TABLE email_account DROP CONSTRAINT email_account_error_count;
