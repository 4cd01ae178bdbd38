package io.emailaccounts.server.emailaccount.service;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

import io.emailaccounts.server.emailaccount.persistence.EmailAccountColumn;

/**
 * The writable fields of an EmailAccount as one write sets them: the required fields always, the optional ones only
 * where their {@link FieldChange} replaces the stored value. Enum fields carry their wire codes, already checked
 * against the contract.
 */
public record EmailAccountWrite(
        long businessId,
        String displayName,
        String emailAddress,
        String incomingServer,
        int incomingServerType,
        int incomingServerPort,
        String incomingServerUsername,
        int deleteMessageSettings,
        String outgoingServer,
        int outgoingServerPort,
        String outgoingServerUsername,
        long lastMessageId,
        int errorCount,
        FieldChange<Boolean> active,
        FieldChange<Boolean> sendNotificationOnNewMessages,
        FieldChange<String> notificationEmailAddress,
        FieldChange<Boolean> incomingServerSsl,
        FieldChange<Boolean> outgoingServerSsl,
        FieldChange<String> replyToEmail,
        FieldChange<OffsetDateTime> lastCheckTime,
        FieldChange<String> googleAccessToken,
        FieldChange<String> office365AccessToken) {

    /** The columns this write sets, with their new values. */
    Map<EmailAccountColumn, Object> columnValues() {
        Map<EmailAccountColumn, Object> values = new EnumMap<>(EmailAccountColumn.class);
        values.put(EmailAccountColumn.BUSINESS_ID, businessId);
        values.put(EmailAccountColumn.DISPLAY_NAME, displayName);
        values.put(EmailAccountColumn.EMAIL_ADDRESS, emailAddress);
        values.put(EmailAccountColumn.INCOMING_SERVER, incomingServer);
        values.put(EmailAccountColumn.INCOMING_SERVER_TYPE, incomingServerType);
        values.put(EmailAccountColumn.INCOMING_SERVER_PORT, incomingServerPort);
        values.put(EmailAccountColumn.INCOMING_SERVER_USERNAME, incomingServerUsername);
        values.put(EmailAccountColumn.DELETE_MESSAGE_SETTINGS, deleteMessageSettings);
        values.put(EmailAccountColumn.OUTGOING_SERVER, outgoingServer);
        values.put(EmailAccountColumn.OUTGOING_SERVER_PORT, outgoingServerPort);
        values.put(EmailAccountColumn.OUTGOING_SERVER_USERNAME, outgoingServerUsername);
        values.put(EmailAccountColumn.LAST_MESSAGE_ID, lastMessageId);
        values.put(EmailAccountColumn.ERROR_COUNT, errorCount);
        active.ifReplaces(value -> values.put(EmailAccountColumn.ACTIVE, value));
        sendNotificationOnNewMessages.ifReplaces(value -> values.put(EmailAccountColumn.SEND_NOTIFICATION_ON_NEW_MESSAGES, value));
        notificationEmailAddress.ifReplaces(value -> values.put(EmailAccountColumn.NOTIFICATION_EMAIL_ADDRESS, value));
        incomingServerSsl.ifReplaces(value -> values.put(EmailAccountColumn.INCOMING_SERVER_SSL, value));
        outgoingServerSsl.ifReplaces(value -> values.put(EmailAccountColumn.OUTGOING_SERVER_SSL, value));
        replyToEmail.ifReplaces(value -> values.put(EmailAccountColumn.REPLY_TO_EMAIL, value));
        lastCheckTime.ifReplaces(value -> values.put(EmailAccountColumn.LAST_CHECK_TIME, value));
        googleAccessToken.ifReplaces(value -> values.put(EmailAccountColumn.GOOGLE_ACCESS_TOKEN, value));
        office365AccessToken.ifReplaces(value -> values.put(EmailAccountColumn.OFFICE365_ACCESS_TOKEN, value));
        return values;
    }

    @Override
    public String toString() {
        // The access tokens are secrets: never let them reach a log through toString.
        return "EmailAccountWrite[businessId=" + businessId + ", displayName=" + displayName + ", ...]";
    }
}
