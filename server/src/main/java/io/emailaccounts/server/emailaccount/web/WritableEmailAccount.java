package io.emailaccounts.server.emailaccount.web;

import java.time.OffsetDateTime;

import org.openapitools.jackson.nullable.JsonNullable;

import io.emailaccounts.server.generated.model.EmailServerType;
import io.emailaccounts.server.generated.model.MessageDeletionPolicy;

/**
 * The writable fields as the generated create and update bodies carry them (both implement it, through
 * {@code schemaImplements} in server/openapi-generator.yaml), so that one mapping serves both.
 */
public interface WritableEmailAccount {

    Long getBusinessId();

    String getDisplayName();

    String getEmailAddress();

    String getIncomingServer();

    EmailServerType getIncomingServerType();

    Integer getIncomingServerPort();

    String getIncomingServerUsername();

    MessageDeletionPolicy getDeleteMessageSettings();

    String getOutgoingServer();

    Integer getOutgoingServerPort();

    String getOutgoingServerUsername();

    Long getLastMessageId();

    Integer getErrorCount();

    JsonNullable<Boolean> getActive();

    JsonNullable<Boolean> getSendNotificationOnNewMessages();

    JsonNullable<String> getNotificationEmailAddress();

    JsonNullable<Boolean> getIncomingServerSSL();

    JsonNullable<Boolean> getOutgoingServerSSL();

    JsonNullable<String> getReplyToEmail();

    JsonNullable<OffsetDateTime> getLastCheckTime();

    JsonNullable<String> getGoogleAccessToken();

    JsonNullable<String> getOffice365AccessToken();
}
