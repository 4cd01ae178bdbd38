package io.emailaccounts.server.emailaccount.persistence;

/** The columns of {@code email_account}: the only names that ever reach generated SQL. */
public enum EmailAccountColumn {
    ID("id"),
    UNIQUE_ID("unique_id"),
    BUSINESS_ID("business_id"),
    DISPLAY_NAME("display_name"),
    EMAIL_ADDRESS("email_address"),
    INCOMING_SERVER("incoming_server"),
    INCOMING_SERVER_TYPE("incoming_server_type"),
    INCOMING_SERVER_PORT("incoming_server_port"),
    INCOMING_SERVER_USERNAME("incoming_server_username"),
    DELETE_MESSAGE_SETTINGS("delete_message_settings"),
    OUTGOING_SERVER("outgoing_server"),
    OUTGOING_SERVER_PORT("outgoing_server_port"),
    OUTGOING_SERVER_USERNAME("outgoing_server_username"),
    LAST_MESSAGE_ID("last_message_id"),
    ERROR_COUNT("error_count"),
    ACTIVE("active"),
    SEND_NOTIFICATION_ON_NEW_MESSAGES("send_notification_on_new_messages"),
    NOTIFICATION_EMAIL_ADDRESS("notification_email_address"),
    INCOMING_SERVER_SSL("incoming_server_ssl"),
    OUTGOING_SERVER_SSL("outgoing_server_ssl"),
    REPLY_TO_EMAIL("reply_to_email"),
    LAST_CHECK_TIME("last_check_time"),
    GOOGLE_ACCESS_TOKEN("google_access_token", true),
    OFFICE365_ACCESS_TOKEN("office365_access_token", true),
    CREATED_ON("created_on"),
    UPDATED_ON("updated_on"),
    UPDATED_BY("updated_by"),
    SYSTEM_ID("system_id");

    private final String sqlName;
    private final boolean secret;

    EmailAccountColumn(String sqlName) {
        this(sqlName, false);
    }

    EmailAccountColumn(String sqlName, boolean secret) {
        this.sqlName = sqlName;
        this.secret = secret;
    }

    public String sqlName() {
        return sqlName;
    }

    /** Whether the column holds a secret, which is only ever stored encrypted. */
    public boolean secret() {
        return secret;
    }
}
