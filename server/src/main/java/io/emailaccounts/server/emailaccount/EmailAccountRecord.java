package io.emailaccounts.server.emailaccount;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stored EmailAccount as every read sees it: all but the access tokens, which reads never fetch. The feature's
 * read model, shared by its persistence, service and web layers.
 */
public record EmailAccountRecord(
        long id,
        UUID uniqueId,
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
        Boolean active,
        Boolean sendNotificationOnNewMessages,
        String notificationEmailAddress,
        Boolean incomingServerSsl,
        Boolean outgoingServerSsl,
        String replyToEmail,
        OffsetDateTime lastCheckTime,
        OffsetDateTime createdOn,
        OffsetDateTime updatedOn,
        String updatedBy,
        String systemId,
        long version) {
}
