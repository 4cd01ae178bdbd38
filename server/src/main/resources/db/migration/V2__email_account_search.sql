-- Search: every column a search filters or orders on has an index that ends with id, the tie-breaker of
-- every order, so that a page is read from the index without sorting the table.
ALTER TABLE email_account ADD COLUMN system_id VARCHAR(255);

CREATE INDEX email_account_business_id_id ON email_account (business_id, id);
CREATE INDEX email_account_display_name_id ON email_account (display_name, id);
CREATE INDEX email_account_email_address_id ON email_account (email_address, id);
CREATE INDEX email_account_incoming_server_id ON email_account (incoming_server, id);
CREATE INDEX email_account_incoming_server_type_id ON email_account (incoming_server_type, id);
CREATE INDEX email_account_incoming_server_port_id ON email_account (incoming_server_port, id);
CREATE INDEX email_account_incoming_server_username_id ON email_account (incoming_server_username, id);
CREATE INDEX email_account_delete_message_settings_id ON email_account (delete_message_settings, id);
CREATE INDEX email_account_outgoing_server_id ON email_account (outgoing_server, id);
CREATE INDEX email_account_outgoing_server_port_id ON email_account (outgoing_server_port, id);
CREATE INDEX email_account_outgoing_server_username_id ON email_account (outgoing_server_username, id);
CREATE INDEX email_account_last_message_id_id ON email_account (last_message_id, id);
CREATE INDEX email_account_error_count_id ON email_account (error_count, id);
CREATE INDEX email_account_active_id ON email_account (active, id);
CREATE INDEX email_account_send_notification_id ON email_account (send_notification_on_new_messages, id);
CREATE INDEX email_account_notification_email_address_id ON email_account (notification_email_address, id);
CREATE INDEX email_account_incoming_server_ssl_id ON email_account (incoming_server_ssl, id);
CREATE INDEX email_account_outgoing_server_ssl_id ON email_account (outgoing_server_ssl, id);
CREATE INDEX email_account_reply_to_email_id ON email_account (reply_to_email, id);
CREATE INDEX email_account_last_check_time_id ON email_account (last_check_time, id);
CREATE INDEX email_account_created_on_id ON email_account (created_on, id);
CREATE INDEX email_account_updated_on_id ON email_account (updated_on, id);
CREATE INDEX email_account_updated_by_id ON email_account (updated_by, id);
CREATE INDEX email_account_system_id_id ON email_account (system_id, id);

DROP INDEX email_account_business_id;
