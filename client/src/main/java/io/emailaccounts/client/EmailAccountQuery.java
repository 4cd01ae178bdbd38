package io.emailaccounts.client;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import io.emailaccounts.client.model.EmailAccountOrderField;
import io.emailaccounts.client.model.EmailServerType;
import io.emailaccounts.client.model.MessageDeletionPolicy;
import io.emailaccounts.client.model.SortDirection;

/**
 * What to search for: equality filters ({@code EmailAccount_<Field>}), inclusive ranges ({@code from_}/{@code to_})
 * and an order. Start from {@link #all()}; every filter narrows the result.
 *
 * <pre>{@code
 * EmailAccountQuery.all().business(1001L).active(true).errorCountBetween(1, null).orderBy(EmailAccountOrderField.DISPLAY_NAME)
 * }</pre>
 */
public final class EmailAccountQuery {

    Long business;
    String displayName;
    String emailAddress;
    String incomingServer;
    EmailServerType incomingServerType;
    Integer incomingServerPort;
    String incomingServerUsername;
    MessageDeletionPolicy deleteMessageSettings;
    String outgoingServer;
    Integer outgoingServerPort;
    String outgoingServerUsername;
    Long lastMessageId;
    Integer errorCount;
    Boolean active;
    Boolean sendNotificationOnNewMessages;
    String notificationEmailAddress;
    Boolean incomingServerSsl;
    Boolean outgoingServerSsl;
    String replyToEmail;
    String lastCheckTime;
    Integer fromIncomingServerPort;
    Integer toIncomingServerPort;
    Integer fromOutgoingServerPort;
    Integer toOutgoingServerPort;
    String fromLastCheckTime;
    String toLastCheckTime;
    Long fromLastMessageId;
    Long toLastMessageId;
    Integer fromErrorCount;
    Integer toErrorCount;
    String fromCreatedOn;
    String toCreatedOn;
    String fromUpdatedOn;
    String toUpdatedOn;
    EmailAccountOrderField orderBy;
    SortDirection direction;

    private EmailAccountQuery() {
    }

    /** Every record, ordered by Id. */
    public static EmailAccountQuery all() {
        return new EmailAccountQuery();
    }

    public EmailAccountQuery business(long businessId) {
        this.business = businessId;
        return this;
    }

    public EmailAccountQuery displayName(String value) {
        this.displayName = value;
        return this;
    }

    public EmailAccountQuery emailAddress(String value) {
        this.emailAddress = value;
        return this;
    }

    public EmailAccountQuery incomingServer(String value) {
        this.incomingServer = value;
        return this;
    }

    public EmailAccountQuery incomingServerType(EmailServerType value) {
        this.incomingServerType = value;
        return this;
    }

    public EmailAccountQuery incomingServerPort(int value) {
        this.incomingServerPort = value;
        return this;
    }

    public EmailAccountQuery incomingServerUsername(String value) {
        this.incomingServerUsername = value;
        return this;
    }

    public EmailAccountQuery deleteMessageSettings(MessageDeletionPolicy value) {
        this.deleteMessageSettings = value;
        return this;
    }

    public EmailAccountQuery outgoingServer(String value) {
        this.outgoingServer = value;
        return this;
    }

    public EmailAccountQuery outgoingServerPort(int value) {
        this.outgoingServerPort = value;
        return this;
    }

    public EmailAccountQuery outgoingServerUsername(String value) {
        this.outgoingServerUsername = value;
        return this;
    }

    public EmailAccountQuery lastMessageId(long value) {
        this.lastMessageId = value;
        return this;
    }

    public EmailAccountQuery errorCount(int value) {
        this.errorCount = value;
        return this;
    }

    public EmailAccountQuery active(boolean value) {
        this.active = value;
        return this;
    }

    public EmailAccountQuery sendNotificationOnNewMessages(boolean value) {
        this.sendNotificationOnNewMessages = value;
        return this;
    }

    public EmailAccountQuery notificationEmailAddress(String value) {
        this.notificationEmailAddress = value;
        return this;
    }

    public EmailAccountQuery incomingServerSsl(boolean value) {
        this.incomingServerSsl = value;
        return this;
    }

    public EmailAccountQuery outgoingServerSsl(boolean value) {
        this.outgoingServerSsl = value;
        return this;
    }

    public EmailAccountQuery replyToEmail(String value) {
        this.replyToEmail = value;
        return this;
    }

    public EmailAccountQuery lastCheckTime(OffsetDateTime value) {
        this.lastCheckTime = time(value);
        return this;
    }

    /** Inclusive bounds; null leaves a side open. */
    public EmailAccountQuery incomingServerPortBetween(Integer from, Integer to) {
        this.fromIncomingServerPort = from;
        this.toIncomingServerPort = to;
        return this;
    }

    public EmailAccountQuery outgoingServerPortBetween(Integer from, Integer to) {
        this.fromOutgoingServerPort = from;
        this.toOutgoingServerPort = to;
        return this;
    }

    public EmailAccountQuery lastCheckTimeBetween(OffsetDateTime from, OffsetDateTime to) {
        this.fromLastCheckTime = time(from);
        this.toLastCheckTime = time(to);
        return this;
    }

    public EmailAccountQuery lastMessageIdBetween(Long from, Long to) {
        this.fromLastMessageId = from;
        this.toLastMessageId = to;
        return this;
    }

    public EmailAccountQuery errorCountBetween(Integer from, Integer to) {
        this.fromErrorCount = from;
        this.toErrorCount = to;
        return this;
    }

    public EmailAccountQuery createdBetween(OffsetDateTime from, OffsetDateTime to) {
        this.fromCreatedOn = time(from);
        this.toCreatedOn = time(to);
        return this;
    }

    public EmailAccountQuery updatedBetween(OffsetDateTime from, OffsetDateTime to) {
        this.fromUpdatedOn = time(from);
        this.toUpdatedOn = time(to);
        return this;
    }

    /** Ascending by this property (then by Id). */
    public EmailAccountQuery orderBy(EmailAccountOrderField property) {
        return orderBy(property, SortDirection.Ascending);
    }

    public EmailAccountQuery orderBy(EmailAccountOrderField property, SortDirection direction) {
        this.orderBy = property;
        this.direction = direction;
        return this;
    }

    /** A time to the second, with its offset, as the API reads it. */
    private static String time(OffsetDateTime value) {
        return value == null ? null : value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
