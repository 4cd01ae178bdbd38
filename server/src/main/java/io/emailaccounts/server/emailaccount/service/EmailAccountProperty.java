package io.emailaccounts.server.emailaccount.service;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.emailaccounts.server.emailaccount.persistence.EmailAccountColumn;

/** The properties of a record a search can order by or filter on, by their API names, and where they are stored. */
public enum EmailAccountProperty {
    ID("Id", EmailAccountColumn.ID),
    UNIQUE_ID("UniqueId", EmailAccountColumn.UNIQUE_ID),
    BUSINESS_ID("BusinessId", EmailAccountColumn.BUSINESS_ID),
    DISPLAY_NAME("DisplayName", EmailAccountColumn.DISPLAY_NAME),
    EMAIL_ADDRESS("EmailAddress", EmailAccountColumn.EMAIL_ADDRESS),
    INCOMING_SERVER("IncomingServer", EmailAccountColumn.INCOMING_SERVER),
    INCOMING_SERVER_TYPE("IncomingServerType", EmailAccountColumn.INCOMING_SERVER_TYPE),
    INCOMING_SERVER_PORT("IncomingServerPort", EmailAccountColumn.INCOMING_SERVER_PORT),
    INCOMING_SERVER_USERNAME("IncomingServerUsername", EmailAccountColumn.INCOMING_SERVER_USERNAME),
    DELETE_MESSAGE_SETTINGS("DeleteMessageSettings", EmailAccountColumn.DELETE_MESSAGE_SETTINGS),
    OUTGOING_SERVER("OutgoingServer", EmailAccountColumn.OUTGOING_SERVER),
    OUTGOING_SERVER_PORT("OutgoingServerPort", EmailAccountColumn.OUTGOING_SERVER_PORT),
    OUTGOING_SERVER_USERNAME("OutgoingServerUsername", EmailAccountColumn.OUTGOING_SERVER_USERNAME),
    LAST_MESSAGE_ID("LastMessageId", EmailAccountColumn.LAST_MESSAGE_ID),
    ERROR_COUNT("ErrorCount", EmailAccountColumn.ERROR_COUNT),
    ACTIVE("Active", EmailAccountColumn.ACTIVE),
    SEND_NOTIFICATION_ON_NEW_MESSAGES("SendNotificationOnNewMessages", EmailAccountColumn.SEND_NOTIFICATION_ON_NEW_MESSAGES),
    NOTIFICATION_EMAIL_ADDRESS("NotificationEmailAddress", EmailAccountColumn.NOTIFICATION_EMAIL_ADDRESS),
    INCOMING_SERVER_SSL("IncomingServerSSL", EmailAccountColumn.INCOMING_SERVER_SSL),
    OUTGOING_SERVER_SSL("OutgoingServerSSL", EmailAccountColumn.OUTGOING_SERVER_SSL),
    REPLY_TO_EMAIL("ReplyToEmail", EmailAccountColumn.REPLY_TO_EMAIL),
    LAST_CHECK_TIME("LastCheckTime", EmailAccountColumn.LAST_CHECK_TIME),
    CREATED_ON("CreatedOn", EmailAccountColumn.CREATED_ON),
    UPDATED_ON("UpdatedOn", EmailAccountColumn.UPDATED_ON),
    UPDATED_BY("UpdatedBy", EmailAccountColumn.UPDATED_BY),
    SYSTEM_ID("SystemId", EmailAccountColumn.SYSTEM_ID),
    /** The same for every stored record (false): ordering by it leaves the Id order. */
    IS_NEW("IsNew", EmailAccountColumn.ID),
    /** The display text of a record is its DisplayName. */
    TO_STRING_TEXT("ToStringText", EmailAccountColumn.DISPLAY_NAME);

    private static final Map<String, EmailAccountProperty> BY_API_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EmailAccountProperty::apiName, Function.identity()));

    private final String apiName;
    private final EmailAccountColumn column;

    EmailAccountProperty(String apiName, EmailAccountColumn column) {
        this.apiName = apiName;
        this.column = column;
    }

    public String apiName() {
        return apiName;
    }

    EmailAccountColumn column() {
        return column;
    }

    /** @throws IllegalArgumentException for a name that is not a property of the record */
    public static EmailAccountProperty named(String apiName) {
        EmailAccountProperty property = BY_API_NAME.get(apiName);
        if (property == null) {
            throw new IllegalArgumentException("Not a property of an EmailAccount: " + apiName);
        }
        return property;
    }
}
